// Sizes of the built web app: the JavaScript the sign-in page loads (the entry script and
// its preloaded imports in dist/index.html) and every lazily loaded chunk, raw and gzipped.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = new URL('../dist/', import.meta.url).pathname;
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
const size = (file) => {
  const bytes = readFileSync(join(dist, file));
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
};
const kb = (n) => (n / 1024).toFixed(1);

const all = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js')).map((f) => `assets/${f}`);
const rows = all.map((file) => ({ file, initial: initial.includes(file), ...size(file) }));
const initialGzip = rows.filter((r) => r.initial).reduce((s, r) => s + r.gzip, 0);

console.log(`initial JavaScript (sign-in page): ${kb(initialGzip)} KB gzipped (budget 250 KB)`);
console.log('| chunk | loaded | raw KB | gzip KB |');
console.log('|---|---|---|---|');
for (const r of rows.sort((a, b) => b.gzip - a.gzip)) {
  const name = r.file.replace(/^assets\//, '').replace(/-[\w-]{8}\.js$/, '.js');
  console.log(`| ${name} | ${r.initial ? 'at start' : 'on demand'} | ${kb(r.raw)} | ${kb(r.gzip)} |`);
}
