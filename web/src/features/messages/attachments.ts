// What the composer accepts before uploading: the server checks again, by content.

export const MAX_FILES = 5;
/** 25 MB (decimal: never more than the server's limit, whichever unit it counts in). */
export const MAX_FILE_BYTES = 25 * 1000 * 1000;
const TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/heic', 'image/heif'];
const EXTENSIONS = ['pdf', 'jpg', 'jpeg', 'png', 'heic'];
/** For the file picker. */
export const ACCEPT = [...TYPES, ...EXTENSIONS.map((e) => `.${e}`)].join(',');

export type FileProblem = { name: string; reason: 'type' | 'size' } | { name: string; reason: 'count'; max: number };

interface FileLike {
  name: string;
  size: number;
  type: string;
}

function extension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** HEIC often comes without a type from the browser: the extension decides then. */
export function acceptedType(file: FileLike): boolean {
  return TYPES.includes(file.type.toLowerCase()) || (!file.type && EXTENSIONS.includes(extension(file.name))) || (file.type === 'application/octet-stream' && extension(file.name) === 'heic');
}

/** The files that can join the `already` attached, and why the others cannot. */
export function checkFiles<F extends FileLike>(files: F[], already: number): { accepted: F[]; problems: FileProblem[] } {
  const accepted: F[] = [];
  const problems: FileProblem[] = [];
  for (const file of files) {
    if (!acceptedType(file)) problems.push({ name: file.name, reason: 'type' });
    else if (file.size > MAX_FILE_BYTES) problems.push({ name: file.name, reason: 'size' });
    else if (already + accepted.length >= MAX_FILES) problems.push({ name: file.name, reason: 'count', max: MAX_FILES });
    else accepted.push(file);
  }
  return { accepted, problems };
}

/** JPEG and PNG are shown as pictures; HEIC and PDF as file cards. */
export function isPicture(mimeType: string): boolean {
  return mimeType === 'image/jpeg' || mimeType === 'image/png';
}
