// Cold page loads in Chromium under a slow 4G profile (DevTools network emulation), for
// bench/web-4g/run.sh. Two servers on the same database, BEFORE (the web build without its
// .br/.gz twins) and AFTER (the build as it is), are measured in turn, RUNS times each after
// one untimed warm-up, on two pages:
//   sign-in  `/` with no session: what a visitor from a shared link lands on (→ /login);
//   booking  `/client/book/<service>` with the client's session already established (the
//            refresh cookie and the page's session hint set, as after an earlier visit).
// Every load is a new browser context with the cache disabled: nothing is cached.
//
// Time to interactive (TTI), from navigation start (performance.timeOrigin) to the frame
// painted after the first moment (checked on every DOM mutation, every load event and every
// 20 ms) when every stylesheet of the page is loaded and
//   sign-in: the path is /login, the page's <h1> is visible and its submit button visible
//            and enabled (not disabled, not loading);
//   booking: the path is the booking link, the <h1> (the service's name) is visible and a
//            day with free times in the calendar is a visible, enabled button: the client
//            can pick it.
// DOMContentLoaded and load: domContentLoadedEventStart and loadEventStart of the page's
// navigation timing. Bytes: the sum of Network.loadingFinished encodedDataLength (headers
// and body as received) of every request until the network is quiet (nothing in flight for
// 1 s after both TTI and load); requests: those requests (http(s) only, the WebSocket aside).
//
// Prints a JSON report on stdout (node bench/web-4g/load.mjs --before URL --after URL
// --service ID --email E --password P [--runs 5]); bench/web-4g/report.mjs formats it.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const { chromium } = createRequire(`${repo}web/package.json`)('playwright-core');

const { values: opt } = parseArgs({
  options: {
    before: { type: 'string' },
    after: { type: 'string' },
    service: { type: 'string' },
    email: { type: 'string' },
    password: { type: 'string' },
    runs: { type: 'string', default: '5' },
  },
});
for (const k of ['before', 'after', 'service', 'email', 'password'])
  if (!opt[k]) throw new Error(`--${k} is required`);
const RUNS = Number(opt.runs);

// Slow 4G (the profile of Chrome's DevTools "Slow 4G" family): 150 ms added to each request,
// 1.6 Mbit/s down, 750 kbit/s up.
const PROFILE = { offline: false, latency: 150, downloadThroughput: 200_000, uploadThroughput: 93_750, connectionType: 'cellular4g' };
const QUIET_MS = 1000;
const TIMEOUT_MS = 60_000;

// Runs in the page before any of its scripts: records window.__tti (see the top of this file).
function readyProbe({ kind, path }) {
  const visible = (el) =>
    !!el && el.checkVisibility({ visibilityProperty: true, opacityProperty: true }) && el.getBoundingClientRect().width > 0;
  const enabled = (el) =>
    !el.disabled && !el.hasAttribute('data-disabled') && !el.hasAttribute('data-loading') && el.getAttribute('aria-disabled') !== 'true';
  const stylesReady = () => [...document.querySelectorAll('link[rel="stylesheet"]')].every((l) => l.sheet);
  const ready =
    kind === 'signin'
      ? () => {
          const button = document.querySelector('main button[type="submit"]');
          return location.pathname === '/login' && visible(document.querySelector('main h1')) && visible(button) && enabled(button);
        }
      : () =>
          location.pathname === path &&
          visible(document.querySelector('h1')) &&
          [...document.querySelectorAll('button[data-free]')].some((b) => visible(b) && enabled(b));
  let timer = 0;
  let observer = null;
  const check = () => {
    if (window.__ready !== undefined || !document.documentElement) return;
    if (!(stylesReady() && ready())) return;
    window.__ready = performance.now();
    // Then the frame that shows it: the next animation frame, and the task after its paint.
    requestAnimationFrame(() => setTimeout(() => (window.__tti = performance.now())));
    clearInterval(timer);
    observer?.disconnect();
    document.removeEventListener('load', check, true);
  };
  observer = new MutationObserver(check);
  observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  document.addEventListener('load', check, true);
  timer = setInterval(check, 20);
}

async function signIn(context, base) {
  // A page of the same origin that loads nothing (no app asset reaches the cache, and the
  // cache is disabled for the measured page anyway), to sign in as the app does: the
  // server's answer sets the refresh cookie, the page keeps its session hint.
  const page = await context.newPage();
  await page.goto(`${base}/healthz`);
  const status = await page.evaluate(
    async ({ email, password }) => {
      const res = await fetch('/api/auth/login', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ email, password }),
      });
      if (res.ok) localStorage.setItem('declic.session', '1');
      return res.status;
    },
    { email: opt.email, password: opt.password },
  );
  if (status !== 200) throw new Error(`sign-in of ${opt.email} answered ${status}`);
  await page.close();
}

async function measure(browser, base, kind) {
  const path = kind === 'signin' ? '/' : `/client/book/${encodeURIComponent(opt.service)}`;
  const context = await browser.newContext({
    viewport: { width: 375, height: 812 },
    isMobile: true,
    hasTouch: true,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    colorScheme: 'light',
  });
  try {
    if (kind === 'booking') await signIn(context, base);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript(readyProbe, { kind, path });

    const cdp = await context.newCDPSession(page);
    const requests = new Map();
    let lastActivity = Date.now();
    const inFlight = () => [...requests.values()].filter((r) => r.end === undefined && !r.failed).length;
    cdp.on('Network.requestWillBeSent', (e) => {
      lastActivity = Date.now();
      if (!/^https?:/.test(e.request.url)) return;
      const known = requests.get(e.requestId);
      if (known) known.redirects += 1; // a redirect keeps the request's id
      else requests.set(e.requestId, { url: e.request.url, type: e.type ?? '', start: e.timestamp, redirects: 0 });
    });
    cdp.on('Network.responseReceived', (e) => {
      const r = requests.get(e.requestId);
      if (!r) return;
      const headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
      r.status = e.response.status;
      r.encoding = headers['content-encoding'] ?? '';
      r.cacheControl = headers['cache-control'] ?? '';
      r.fromCache = e.response.fromDiskCache || e.response.fromPrefetchCache || e.response.fromServiceWorker || false;
      r.type = e.type ?? r.type;
    });
    cdp.on('Network.loadingFinished', (e) => {
      lastActivity = Date.now();
      const r = requests.get(e.requestId);
      if (!r) return;
      r.end = e.timestamp;
      r.bytes = e.encodedDataLength;
    });
    cdp.on('Network.loadingFailed', (e) => {
      lastActivity = Date.now();
      const r = requests.get(e.requestId);
      if (r) Object.assign(r, { failed: e.errorText, end: e.timestamp, bytes: 0 });
    });
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', PROFILE);

    await page.goto(base + path, { waitUntil: 'load', timeout: TIMEOUT_MS });
    try {
      await page.waitForFunction(() => window.__tti !== undefined, null, { timeout: TIMEOUT_MS });
    } catch (e) {
      throw new Error(`${kind} on ${base}: not interactive after ${TIMEOUT_MS} ms (at ${page.url()}; errors: ${errors.join('; ') || 'none'})`);
    }
    const deadline = Date.now() + TIMEOUT_MS;
    while (Date.now() < deadline && (inFlight() > 0 || Date.now() - lastActivity < QUIET_MS)) await page.waitForTimeout(100);

    const timing = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      return {
        tti: window.__tti,
        ready: window.__ready,
        dcl: nav.domContentLoadedEventStart,
        load: nav.loadEventStart,
        fcp: fcp ? fcp.startTime : null,
        url: location.pathname,
      };
    });
    const list = [...requests.values()];
    const doc = list.find((r) => r.type === 'Document') ?? list[0];
    const t0 = doc.start;
    const resources = list
      .sort((a, b) => a.start - b.start)
      .map((r) => ({
        url: new URL(r.url).pathname + new URL(r.url).search,
        type: r.type,
        status: r.status ?? null,
        encoding: r.encoding ?? '',
        cacheControl: r.cacheControl ?? '',
        fromCache: r.fromCache ?? false,
        failed: r.failed ?? null,
        bytes: r.bytes ?? 0,
        start: Math.round((r.start - t0) * 1000),
        end: r.end === undefined ? null : Math.round((r.end - t0) * 1000),
      }));
    return {
      ...timing,
      bytes: resources.reduce((n, r) => n + r.bytes, 0),
      requests: resources.length,
      resources,
      errors,
    };
  } finally {
    await context.close();
  }
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
const version = browser.version();
const cases = { before: opt.before, after: opt.after };
const runs = { signin: { before: [], after: [] }, booking: { before: [], after: [] } };
try {
  // Warm-up (untimed), then the runs, alternating the cases so that a slower moment of the
  // machine weighs on both alike.
  for (let i = 0; i <= RUNS; i++) {
    for (const kind of ['signin', 'booking']) {
      const order = i % 2 === 0 ? ['before', 'after'] : ['after', 'before'];
      for (const name of order) {
        const result = await measure(browser, cases[name], kind);
        if (i === 0) continue;
        runs[kind][name].push(result);
        process.stderr.write(
          `${kind} ${name} #${i}: TTI ${Math.round(result.tti)} ms, DCL ${Math.round(result.dcl)} ms, load ${Math.round(result.load)} ms, ` +
            `${(result.bytes / 1024).toFixed(1)} KB in ${result.requests} requests\n`,
        );
      }
    }
  }
} finally {
  await browser.close();
}
process.stdout.write(
  JSON.stringify({ profile: PROFILE, runs: RUNS, chromium: version, viewport: '375 × 812, mobile', results: runs }, null, 1) + '\n',
);
