// Module boundaries: a feature never imports another feature (pages that show several live
// in app/routes), and shared code (components, lib, types) never imports a feature or app.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = dirname(fileURLToPath(import.meta.url));
const SHARED = ['components', 'lib', 'types'];
const SPECIFIER = /(?:\bfrom|\bimport)\s*\(?\s*['"]([^'"]+)['"]/g;

/** "features/users", "lib", "app"…: the part of src/ a path is in. */
function area(path: string): string {
  const [top, name] = relative(SRC, path).split(sep);
  return top === 'features' ? `${top}/${name}` : top;
}

function forbidden(from: string, to: string): boolean {
  if (from.startsWith('features/')) return to.startsWith('features/') && to !== from;
  return SHARED.includes(from) && (to.startsWith('features/') || to === 'app');
}

/** The import specifiers of `file` (its source text given) that cross a boundary. */
function boundaryViolations(file: string, source: string): string[] {
  return [...source.matchAll(SPECIFIER)]
    .map((m) => m[1])
    .filter((spec) => spec.startsWith('.') || spec.startsWith('@/'))
    .filter((spec) => forbidden(area(file), area(spec.startsWith('@/') ? join(SRC, spec.slice(2)) : resolve(dirname(file), spec))));
}

describe('architecture', () => {
  it('detects imports across a boundary, whatever their form', () => {
    const file = join(SRC, 'features/users/Page.tsx');
    const source = `import { a } from '../bookings/api';\nimport type { B } from "../../features/projects/api";\nconst P = lazy(() => import('../services/Page'));\nimport { c } from '@/features/settings';\nimport { d } from './api';\nimport { e } from '../../lib/format';\nimport { f } from '../users/x';`;
    expect(boundaryViolations(file, source)).toEqual(['../bookings/api', '../../features/projects/api', '../services/Page', '@/features/settings']);
    expect(boundaryViolations(join(SRC, 'lib/x.ts'), `import { y } from '../app/router';\nimport { z } from '../features/users/api';`)).toHaveLength(2);
  });

  it('holds for every file of features, components, lib and types', () => {
    const files = ['features', ...SHARED].flatMap((dir) =>
      readdirSync(join(SRC, dir), { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f)).map((f) => join(SRC, dir, f)),
    );
    const found = files.flatMap((file) => boundaryViolations(file, readFileSync(file, 'utf8')).map((spec) => `${relative(SRC, file)} → ${spec}`));
    expect(found).toEqual([]);
  });
});
