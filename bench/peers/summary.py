#!/usr/bin/env python3
"""Markdown tables from a bench.sh output folder: python3 bench/peers/summary.py OUT_DIR
(bench.sh runs it at the end and keeps the result as OUT_DIR/summary.md)."""
import pathlib
import re
import sys

out = pathlib.Path(sys.argv[1])
STACKS = {
    'A': 'Nest+Express+Prisma', 'B': 'Nest+Fastify+pg',
    'Anc': 'Nest+Express+Prisma, no cache', 'Bnc': 'Nest+Fastify+pg, no cache',
    'Aj': 'Nest+Express+Prisma, relationJoins',
}
ENDPOINTS = {
    'services': 'GET /api/services (cached catalogue)',
    'services-nocache': 'GET /api/services (peer without cache)',
    'services-all': 'GET /api/services?includeArchived=true (staff)',
    'me': 'GET /api/me',
    'project': 'GET /api/projects/{id} (client)',
    'project-joins': 'GET /api/projects/{id} (client)',
    'bookings': 'GET /api/bookings (staff: all, first page)',
    'bookings-client': 'GET /api/bookings (client: own)',
}
num = r'([0-9.]+)'


def parse(path):
    t = path.read_text()
    r = {'rounds': {'A': [], 'B': []}, 'errors': []}
    for side, rps, p99, rest in re.findall(r'^([AB]) round \d+: (\S+) rps, p99 (\S+) ?(.*)$', t, re.M):
        r['rounds'][side].append((rps, p99))
        if rest.strip():
            r['errors'].append(f'{side}: {rest.strip()}')
    m = re.search(rf'median A {num} rps \(p99 {num} ms\) · B {num} rps \(p99 {num} ms\) · A/B {num}', t)
    r['a_rps'], r['a_p99'], r['b_rps'], r['b_p99'], r['ratio'] = map(float, m.groups())
    for side, n, cpu, us, rss, peak, procs in re.findall(
            rf'^resources ([AB]): (\d+) requests, cpu {num} s = {num} us/request, RSS {num} MiB \(peak {num} MiB\) over (\d+)',
            t, re.M):
        r[side] = dict(n=int(n), cpu=float(cpu), us=float(us), rss=float(rss), peak=float(peak), procs=int(procs))
    r['ps'] = re.findall(r'^\s*(\d+)\s+(\d+)\s+(.*)$', t.split('RSS by process', 1)[-1], re.M) if 'RSS by process' in t else []
    return r


rows = []
for path in sorted(out.glob('cmp-*.txt')):
    label, peer = path.stem[4:].rsplit('-', 1)
    rows.append((label, peer, parse(path)))
order = ['services', 'services-nocache', 'services-all', 'me', 'project', 'project-joins', 'bookings',
         'bookings-client']
rows.sort(key=lambda x: (order.index(x[0]) if x[0] in order else 99, x[1]))

print('| endpoint | peer | Déclic rps | peer rps | **Déclic/peer** | Déclic p99 ms | peer p99 ms | Déclic CPU µs/req | peer CPU µs/req | Déclic RSS MiB (peak) | peer RSS MiB (peak), processes |')
print('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|')
for label, peer, r in rows:
    a, b = r.get('A', {}), r.get('B', {})
    print(f"| {ENDPOINTS.get(label, label)} | {STACKS.get(peer, peer)} | {r['a_rps']:,.0f} | {r['b_rps']:,.0f} | **{r['ratio']:.2f}** | "
          f"{r['a_p99']:.2f} | {r['b_p99']:.2f} | {a.get('us', 0):.0f} | {b.get('us', 0):.0f} | "
          f"{a.get('rss', 0):.1f} ({a.get('peak', 0):.1f}) | {b.get('rss', 0):.1f} ({b.get('peak', 0):.1f}), {b.get('procs', 0)} |")

print('\nPer round (requests/s, p99), A = Déclic, B = peer, in the order run:\n')
for label, peer, r in rows:
    ra = ' · '.join(f'{x} ({y})' for x, y in r['rounds']['A'])
    rb = ' · '.join(f'{x} ({y})' for x, y in r['rounds']['B'])
    print(f"- {label} vs {peer}: Déclic {ra}; peer {rb}" + (f"; errors: {'; '.join(r['errors'])}" if r['errors'] else ''))

print('\nRSS by process right after each comparison (KiB):\n')
for label, peer, r in rows:
    print(f"- {label} vs {peer}: " + '; '.join(f"{pid} {int(k):,} {cmd.split()[0].split('/')[-1]}" for pid, k, cmd in r['ps']))
