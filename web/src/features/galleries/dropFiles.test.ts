import { describe, expect, it } from 'vitest';
import { filesOf } from './dropFiles';

/** A file entry and a folder entry as the browser gives them (callbacks, batches of entries). */
const file = (name: string) => ({ isFile: true, isDirectory: false, name, file: (ok: (f: File) => void) => ok({ name } as File) }) as unknown as FileSystemEntry;
function folder(name: string, children: FileSystemEntry[], batch = 2): FileSystemEntry {
  return {
    isFile: false,
    isDirectory: true,
    name,
    createReader: () => {
      let at = 0;
      return {
        readEntries: (ok: (entries: FileSystemEntry[]) => void) => {
          ok(children.slice(at, at + batch));
          at += batch;
        },
      };
    },
  } as unknown as FileSystemEntry;
}

describe('dropped files', () => {
  it('walks folders at any depth, reading each one batch after batch', async () => {
    const drop = [file('a.jpg'), folder('Mariage', [file('b.jpg'), file('c.jpg'), file('d.jpg'), folder('Cérémonie', [file('e.jpg')])])];
    const files = await filesOf(drop);
    expect(files.map((f) => f.name)).toEqual(['a.jpg', 'b.jpg', 'c.jpg', 'd.jpg', 'e.jpg']);
  });
});
