// Formats the JSON of bench/web-4g/load.mjs (file given as argument) as the markdown of the
// web-4g section: medians, the biggest resources on the wire (AFTER), and a reading.
import { readFileSync } from 'node:fs';

const data = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const GOAL_MS = Number(process.env.GOAL_MS ?? 2500);
const { results, profile } = data;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const sec = (ms) => `${(ms / 1000).toFixed(2)} s`;
const kb = (b) => `${(b / 1000).toFixed(1)} kB`;
const pct = (a, b) => `${Math.round((1 - b / a) * 100)} %`;
const stat = (kind, name, key) => median(results[kind][name].map((r) => r[key]));
/** The run whose TTI is the median (the lower one of two middles): its resources are shown. */
const medianRun = (kind, name) => {
  const runs = [...results[kind][name]].sort((a, b) => a.tti - b.tti);
  return runs[(runs.length - 1) >> 1];
};
// Ids as :id (they change with each database), and no more than 60 characters.
const short = (url) => {
  const u = url.replace(/\/[0-9a-f]{8}-[0-9a-f-]{27}(?=[/?]|$)/g, '/:id');
  return u.length > 60 ? u.slice(0, 57) + '…' : u;
};

const PAGES = { signin: 'sign-in `/` (→ `/login`), no session', booking: 'booking link `/client/book/<service>`, signed in' };
const lines = [];
lines.push('| page | case | time to interactive, median (min–max) | DOMContentLoaded | load | on the wire | requests |');
lines.push('|---|---|---:|---:|---:|---:|---:|');
for (const kind of ['signin', 'booking']) {
  for (const name of ['before', 'after']) {
    const ttis = results[kind][name].map((r) => r.tti);
    lines.push(
      `| ${PAGES[kind]} | ${name === 'before' ? 'before (no .br/.gz)' : 'after (.br/.gz twins)'} | ` +
        `**${sec(median(ttis))}** (${sec(Math.min(...ttis))}–${sec(Math.max(...ttis))}) | ${sec(stat(kind, name, 'dcl'))} | ` +
        `${sec(stat(kind, name, 'load'))} | ${kb(stat(kind, name, 'bytes'))} | ${stat(kind, name, 'requests')} |`,
    );
  }
}

// Every request of the AFTER case, each page, in the order asked (the run of median TTI).
const tables = [];
for (const kind of ['booking', 'signin']) {
  const run = medianRun(kind, 'after');
  tables.push(`After, ${PAGES[kind]}: every request of the run of median TTI (${sec(run.tti)}), in the order asked; times from the document's request, * = finished after TTI:`);
  tables.push('');
  tables.push('| resource | type | encoding | on the wire | asked → finished |');
  tables.push('|---|---|---|---:|---:|');
  for (const r of run.resources)
    tables.push(
      `| \`${short(r.url)}\` | ${r.type} | ${r.encoding || 'none'} | ${kb(r.bytes)} | ${r.start} → ${r.end ?? '—'} ms${r.end > run.tti ? ' *' : ''}${r.failed ? ` (failed: ${r.failed})` : ''} |`,
    );
  tables.push('');
}

// The reading: the goal, what compression changed, where the time of the booking link goes.
const run = medianRun('booking', 'after');
const tti = stat('booking', 'after', 'tti');
const beforeTti = stat('booking', 'before', 'tti');
const early = run.resources.filter((r) => r.end !== null && r.end <= run.tti);
const earlyBytes = early.reduce((n, r) => n + r.bytes, 0);
// Time with at least one request in flight before TTI; the rest, the network waits for the page.
let busy = 0;
let reach = 0;
for (const r of [...run.resources].sort((a, b) => a.start - b.start)) {
  const from = Math.max(r.start, reach);
  const to = Math.min(r.end ?? run.tti, run.tti);
  if (to > from) busy += to - from;
  reach = Math.max(reach, Math.min(r.end ?? run.tti, run.tti));
}
const biggest = [...run.resources].sort((a, b) => b.bytes - a.bytes).slice(0, 4);
// Short names: no content hash, ids as :id, no query.
const label = (url) =>
  url
    .split('?')[0]
    .replace(/^\/assets\//, '')
    .replace(/-[A-Za-z0-9_-]{8}(\.\w+)$/, '$1')
    .replace(/\/[0-9a-f]{8}-[0-9a-f-]{27}(?=\/|$)/g, '/:id');
// Waves: requests asked within 50 ms of one another go together; a new wave starts when the
// page asks again after a pause (it needed an answer, or time to run what it got).
const waves = [];
for (const r of run.resources.filter((r) => r.start <= run.tti)) {
  const last = waves.at(-1);
  if (last && r.start - last.at(-1).start <= 50) last.push(r);
  else waves.push([r]);
}
const waveText = waves
  .map((w, i) => `(${i + 1}) ${[...new Set(w.map((r) => `\`${label(r.url)}\``))].join(' + ')} ${w[0].start}→${Math.max(...w.map((r) => r.end ?? 0))} ms`)
  .join('; ');
const apiAll = run.resources.filter((r) => r.url.startsWith('/api/'));
const apiPlain = apiAll.filter((r) => !r.encoding);
const apiBiggest = [...apiAll].sort((a, b) => b.bytes - a.bytes)[0];
const encodings = [...new Set(run.resources.filter((r) => r.type === 'Script' || r.type === 'Stylesheet').map((r) => r.encoding || 'none'))].join(', ');
const verdict =
  tti <= GOAL_MS
    ? `meets the goal of ${sec(GOAL_MS)} with ${sec(GOAL_MS - tti)} to spare`
    : `misses the goal of ${sec(GOAL_MS)} by ${sec(tti - GOAL_MS)}`;
const reading = [
  `Reading: on this profile the booking link, cold and signed in, is interactive in ${sec(tti)} (median) after the change,`,
  `against ${sec(beforeTti)} before: it ${verdict}.`,
  `The sign-in page goes from ${sec(stat('signin', 'before', 'tti'))} to ${sec(stat('signin', 'after', 'tti'))}.`,
  `The twins cut what crosses the wire from ${kb(stat('booking', 'before', 'bytes'))} to ${kb(stat('booking', 'after', 'bytes'))} on the booking link`,
  `(−${pct(stat('booking', 'before', 'bytes'), stat('booking', 'after', 'bytes'))}) and from ${kb(stat('signin', 'before', 'bytes'))} to`,
  `${kb(stat('signin', 'after', 'bytes'))} on the sign-in page (scripts and styles sent as ${encodings}).`,
  `What remains on the booking link (its median run after): ${kb(earlyBytes)} before interactive, ${sec((earlyBytes / profile.downloadThroughput) * 1000)}`,
  `of transfer at ${profile.downloadThroughput / 1000} kB/s, the biggest ${biggest.map((r) => `\`${label(r.url)}\` ${kb(r.bytes)}`).join(', ')};`,
  `and ${waves.length} waves of requests one after another, each paying the ${profile.latency} ms added to every request`,
  `(${sec(waves.length * profile.latency)} of latency in all): ${waveText}.`,
  `The network is busy ${sec(busy)} of the ${sec(run.tti)}, idle ${sec(Math.max(0, run.tti - busy))} while the page runs what it got.`,
  apiPlain.length
    ? `The API's answers are not compressed (${apiPlain.length} of ${apiAll.length}, ${kb(apiPlain.reduce((n, r) => n + r.bytes, 0))}; the biggest, \`${label(apiBiggest.url)}\`, ${kb(apiBiggest.bytes)}).`
    : '',
].join(' ');

process.stdout.write([...lines, '', ...tables, reading, ''].join('\n'));
