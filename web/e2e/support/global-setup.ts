// Starts what the browser tests run against: a throwaway PostgreSQL cluster, the real
// `declic` binary (migrated, demo accounts seeded) serving the built web app, and a mail
// directory the tests read invitations from. A second `declic` process serves the same
// database on another port, as a second server behind a load balancer would: what happens
// on one must reach the browsers connected to the other. Each server's output goes to
// build/e2e/declic-<name>.log (a sanitizer report is there in full).
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
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
    /** Server A: where the tests' browsers go unless they say otherwise. */
    baseUrl: string;
    /** Server B: another `declic` process on the same database. */
    baseUrlB: string;
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

interface Server {
  name: string;
  baseUrl: string;
  process: ChildProcess;
  /** Where its output is, and the end of it, for an error message. */
  tail: () => string;
}

/** `declic serve` on a free port, with its own PUBLIC_URL (the Origin check compares with it). */
async function startServer(bin: string, env: NodeJS.ProcessEnv, name: string): Promise<Server> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const logFile = join(work, `declic-${name}.log`);
  const fd = openSync(logFile, 'a');
  const server = spawn(bin, ['serve'], { env: { ...env, PORT: String(port), PUBLIC_URL: baseUrl }, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  const tail = () => `${logFile}:\n${readFileSync(logFile, 'utf8').slice(-4000)}`;
  await waitReady(baseUrl, server, tail);
  return { name, baseUrl, process: server, tail };
}

/** SIGTERM, then what went wrong if the process did not end cleanly (a sanitizer report). */
async function stopServer(server: Server): Promise<string | null> {
  const p = server.process;
  if (p.exitCode === null && p.signalCode === null) {
    p.kill('SIGTERM');
    await new Promise((r) => (p.exitCode !== null || p.signalCode !== null ? r(null) : p.once('exit', r)));
  }
  if (p.exitCode !== 0 && p.signalCode === null) return `declic ${server.name} exited with ${p.exitCode} (sanitizer report?) ${server.tail()}`;
  return null;
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

  // Both servers: the same database, secret, files and mail directory.
  const env = {
    ...process.env,
    APP_ENV: 'development',
    DATABASE_URL: databaseUrl,
    HOST: '127.0.0.1',
    WEB_DIR: join(repo, 'web/dist'),
    DATA_DIR: join(work, 'data'),
    MAIL_DIR: mailDir,
    SMTP_URL: '',
    JWT_SECRET: '87d0dd2dc745189ddd10c6eb211f0ce9a9cfb3580c1965edac46869c2d3836af',
    DEMO_PASSWORD,
    LOGIN_LIMIT_PER_IP: '1000',
    REGISTER_LIMIT_PER_ADDRESS: '100000',
    REGISTER_LIMIT_GLOBAL: '100000',
    BOOKING_LIMIT_PER_USER: '100000',
    BOOKING_LIMIT_PER_ADDRESS: '100000',
    LOG_LEVEL: 'warn',
    ACCESS_LOG: 'false',
    THREADS: '1',
  };
  execFileSync(bin, ['migrate'], { env, stdio: 'inherit' });
  execFileSync(bin, ['seed-demo'], { env, stdio: ['ignore', 'ignore', 'inherit'] });

  const servers: Server[] = [];
  const stopAll = async (): Promise<string[]> => {
    const problems = (await Promise.all(servers.map(stopServer))).filter((p): p is string => p !== null);
    execFileSync(fixture, ['stop', pgDir, pgUrlFile], { stdio: 'inherit' });
    return problems;
  };
  try {
    servers.push(await startServer(bin, env, 'a'));
    servers.push(await startServer(bin, env, 'b'));
  } catch (e) {
    await stopAll();
    throw e;
  }

  project.provide('baseUrl', servers[0].baseUrl);
  project.provide('baseUrlB', servers[1].baseUrl);
  project.provide('mailDir', mailDir);
  project.provide('demoPassword', DEMO_PASSWORD);

  return async () => {
    const problems = await stopAll();
    if (problems.length > 0) throw new Error(problems.join('\n\n'));
  };
}
