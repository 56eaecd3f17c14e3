/** The server's limits for what a service includes. */
export const INCLUDED_MAX_LINES = 12;
export const INCLUDED_MAX_LENGTH = 120;

/** A textarea's lines as the list the server keeps: trimmed, blank lines left out. */
export function includedLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/** Why the lines would be refused, as a translation key; null when they are fine. */
export function includedProblem(lines: string[]): 'services.includedTooMany' | 'services.includedTooLong' | null {
  if (lines.length > INCLUDED_MAX_LINES) return 'services.includedTooMany';
  if (lines.some((line) => [...line].length > INCLUDED_MAX_LENGTH)) return 'services.includedTooLong';
  return null;
}
