// The files of a drop, folders included: the browser hands a dropped folder over as an
// entry to walk (webkitGetAsEntry, in every current browser), not as its files.

/** What a drop's items must be read as, during the drop event itself (they are emptied after). */
export function droppedEntries(data: DataTransfer): FileSystemEntry[] {
  return [...data.items].flatMap((item) => {
    const entry = item.kind === 'file' ? item.webkitGetAsEntry?.() : null;
    return entry ? [entry] : [];
  });
}

/** Every file under these entries, folders walked through, at any depth. */
export async function filesOf(entries: readonly FileSystemEntry[]): Promise<File[]> {
  const nested = await Promise.all(entries.map(walk));
  return nested.flat();
}

async function walk(entry: FileSystemEntry): Promise<File[]> {
  if (isFile(entry)) return [await new Promise<File>((resolve, reject) => entry.file(resolve, reject))];
  if (isDirectory(entry)) return filesOf(await readAll(entry.createReader()));
  return [];
}

/** A folder's reader gives its entries in batches (100 at a time in Chrome) until an empty one. */
async function readAll(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  const all: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

const isFile = (e: FileSystemEntry): e is FileSystemFileEntry => e.isFile;
const isDirectory = (e: FileSystemEntry): e is FileSystemDirectoryEntry => e.isDirectory;
