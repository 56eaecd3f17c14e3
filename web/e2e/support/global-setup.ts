// Starts what the browser tests run against: a throwaway PostgreSQL cluster, the real
// `declic` binary (migrated, demo accounts seeded) serving the built web app, and a mail
// directory the tests read invitations from.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

const repo = fileURLToPath(new URL('../../..', import.meta.url));
const work = join(repo, 'build/e2e');
const fixture = join(repo, 'server/tests/pg-fixture.sh');
export const DEMO_PASSWORD = 'e2e-demo-password';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    mailDir: string;
    demoPassword: string;
  }
}

function serverBinary(): string {
  const candidates = [process.env.DECLIC_BIN, 'build/asan/server/declic', 'build/release/server/declic'];
  for (const c of candidates) {
    if (c && existsSync(resolve(repo, c))) return resolve(repo, c);
  }
  throw new Error('declic binary not found: build the server first (make test does)');
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

async function waitReady(url: string, server: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`declic exited (${server.exitCode}):\n${log()}`);
    try {
      if ((await fetch(url + '/readyz')).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`declic not ready after 60 s:\n${log()}`);
}

export default async function setup(project: TestProject) {
  const bin = serverBinary();
  const dist = join(repo, 'web/dist/index.html');
  if (!existsSync(dist)) throw new Error('web/dist is missing: run `npm run build` in web/ first');

  rmSync(work, { recursive: true, force: true });
  const mailDir = join(work, 'mail');
  mkdirSync(mailDir, { recursive: true });
  const pgDir = join(work, 'pg');
  const pgUrlFile = join(work, 'pg.url');
  execFileSync(fixture, ['start', pgDir, pgUrlFile], { stdio: 'inherit' });
  const databaseUrl = readFileSync(pgUrlFile, 'utf8').trim();

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    APP_ENV: 'development',
    DATABASE_URL: databaseUrl,
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: baseUrl,
    WEB_DIR: join(repo, 'web/dist'),
    DATA_DIR: join(work, 'data'),
    MAIL_DIR: mailDir,
    SMTP_URL: '',
    JWT_SECRET: 'e2e-only-secret-0123456789abcdef0123456789abcdef',
    DEMO_PASSWORD,
    LOGIN_LIMIT_PER_IP: '1000',
    LOG_LEVEL: 'warn',
    ACCESS_LOG: 'false',
    THREADS: '1',
  };
  execFileSync(bin, ['migrate'], { env, stdio: 'inherit' });
  execFileSync(bin, ['seed-demo'], { env, stdio: ['ignore', 'ignore', 'inherit'] });

  let output = '';
  const server = spawn(bin, ['serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout?.on('data', (d) => (output += d));
  server.stderr?.on('data', (d) => (output += d));
  await waitReady(baseUrl, server, () => output);

  project.provide('baseUrl', baseUrl);
  project.provide('mailDir', mailDir);
  project.provide('demoPassword', DEMO_PASSWORD);

  return async () => {
    server.kill('SIGTERM');
    await new Promise((r) => (server.exitCode !== null ? r(null) : server.once('exit', r)));
    execFileSync(fixture, ['stop', pgDir, pgUrlFile], { stdio: 'inherit' });
    if (server.exitCode !== 0 && server.signalCode === null) {
      throw new Error(`declic exited with ${server.exitCode} (sanitizer report?):\n${output.slice(-4000)}`);
    }
  };
}
