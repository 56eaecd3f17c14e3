// Accessible names the browser suite's axe run would otherwise find missing only on the screens
// it happens to open: every close button is named, and no menu carries Mantine's unnamed focus
// placeholder. Checked on the source, so a new modal or menu cannot forget it.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = dirname(fileURLToPath(import.meta.url));

/** Each opening JSX tag `<Name …>` of the source, braces (props with objects, arrows) skipped. */
export function openingTags(source: string, name: string): string[] {
  const tags: string[] = [];
  const start = new RegExp(`<${name}(?![\\w.])`, 'g');
  for (const m of source.matchAll(start)) {
    let depth = 0;
    let i = m.index + m[0].length;
    for (; i < source.length; i++) {
      const c = source[i];
      if (c === '{') depth++;
      else if (c === '}') depth--;
      else if (c === '>' && depth === 0 && source[i - 1] !== '=') break;
    }
    tags.push(source.slice(m.index, i + 1));
  }
  return tags;
}

/** What is wrong with the tags of one file, as "Tag: the tag's text". */
export function unnamed(source: string): string[] {
  const found: string[] = [];
  const check = (name: string, ok: (tag: string) => boolean) => {
    for (const tag of openingTags(source, name)) if (!ok(tag)) found.push(`${name}: ${tag.replace(/\s+/g, ' ')}`);
  };
  const closeNamed = (tag: string) => /closeButtonProps=\{\{[^}]*'aria-label'/.test(tag) || tag.includes('withCloseButton={false}');
  check('Modal', closeNamed);
  check('Drawer', closeNamed);
  check('CloseButton', (tag) => tag.includes('aria-label='));
  check('Alert', (tag) => !/withCloseButton(?!=\{false\})/.test(tag) || tag.includes('closeButtonLabel='));
  check('Menu', (tag) => tag.includes('withInitialFocusPlaceholder={false}'));
  if (/notifications\.show\(/.test(source) && !/closeButtonProps:\s*\{\s*'aria-label'/.test(source)) found.push('notifications.show without a named close button');
  return found;
}

describe('accessible names', () => {
  it('detects an unnamed close button, whatever the props around it', () => {
    expect(unnamed(`<Modal opened={o} onClose={() => set(null)} title="x">`)).toHaveLength(1);
    expect(unnamed(`<Modal opened onClose={c} closeButtonProps={{ 'aria-label': t('common.close') }}>`)).toEqual([]);
    expect(unnamed(`<Drawer opened onClose={c} withCloseButton={false}>`)).toEqual([]);
    expect(unnamed(`<CloseButton onClick={() => x()} />`)).toHaveLength(1);
    expect(unnamed(`<Alert withCloseButton onClose={c}>`)).toHaveLength(1);
    expect(unnamed(`<Alert color="red">`)).toEqual([]);
    expect(unnamed(`<Menu position="top">`)).toHaveLength(1);
    expect(unnamed(`<Menu.Target><ModalLike /></Menu.Target>`)).toEqual([]);
  });

  it('holds for every screen and component', () => {
    const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f));
    const found = files.flatMap((f) => unnamed(readFileSync(join(SRC, f), 'utf8')).map((what) => `${f} → ${what}`));
    expect(found).toEqual([]);
  });
});
