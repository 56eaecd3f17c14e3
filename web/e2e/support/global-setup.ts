// Starts what the browser tests run against: a throwaway PostgreSQL cluster and, for each test
// worker, a stage (support/stage.ts): a database (migrated, demo accounts seeded), the real
// `declic` binary serving the built web app on it, and a mail directory the tests read
// invitations from. A second `declic` process serves the same database on another port, as a
// second server behind a load balancer would: what happens on one must reach the browsers
// connected to the other. Each server's output goes to build/e2e/declic-<stage><a|b>.log (a
// sanitizer report is there in full).
import { spawn, execFile, execFileSync, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';
import type { Stage } from './stage';

const repo = fileURLToPath(new URL('../../..', import.meta.url));
const work = join(repo, 'build/e2e');
const fixture = join(repo, 'server/tests/pg-fixture.sh');
export const DEMO_PASSWORD = 'e2e-demo-password';

declare module 'vitest' {
  export interface ProvidedContext {
    /** One for each worker. */
    stages: Stage[];
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

const run = promisify(execFile);

/** A database of its own for stage `n` (1, 2…) on the cluster at `clusterUrl`. */
async function stageDatabase(clusterUrl: string, n: number): Promise<string> {
  if (n === 1) return clusterUrl;
  const name = `declic_${n}`;
  await run('psql', ['-qtA', '-v', 'ON_ERROR_STOP=1', clusterUrl, '-c', `CREATE DATABASE ${name}`]);
  return clusterUrl.replace('/declic?', `/${name}?`);
}

/** Stage `n`: its database migrated and seeded, served by two servers. */
async function startStage(bin: string, baseEnv: NodeJS.ProcessEnv, clusterUrl: string, n: number, servers: Server[]): Promise<Stage> {
  const mailDir = join(work, `mail-${n}`);
  mkdirSync(mailDir, { recursive: true });
  const env = { ...baseEnv, DATABASE_URL: await stageDatabase(clusterUrl, n), DATA_DIR: join(work, `data-${n}`), MAIL_DIR: mailDir };
  await run(bin, ['migrate'], { env });
  await run(bin, ['seed-demo'], { env });
  const a = await startServer(bin, env, `${n}a`);
  servers.push(a);
  const b = await startServer(bin, env, `${n}b`);
  servers.push(b);
  return { baseUrl: a.baseUrl, baseUrlB: b.baseUrl, mailDir };
}

export default async function setup(project: TestProject) {
  const bin = serverBinary();
  const dist = join(repo, 'web/dist/index.html');
  if (!existsSync(dist)) throw new Error('web/dist is missing: run `npm run build` in web/ first');

  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const pgDir = join(work, 'pg');
  const pgUrlFile = join(work, 'pg.url');
  execFileSync(fixture, ['start', pgDir, pgUrlFile], { stdio: 'inherit' });
  const clusterUrl = readFileSync(pgUrlFile, 'utf8').trim();

  // Every server: the same secret; each stage its database, files and mail directory.
  const env = {
    ...process.env,
    APP_ENV: 'development',
    HOST: '127.0.0.1',
    WEB_DIR: join(repo, 'web/dist'),
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

  const servers: Server[] = [];
  const stopAll = async (): Promise<string[]> => {
    const problems = (await Promise.all(servers.map(stopServer))).filter((p): p is string => p !== null);
    execFileSync(fixture, ['stop', pgDir, pgUrlFile], { stdio: 'inherit' });
    return problems;
  };
  let stages: Stage[];
  try {
    const workers = Math.max(1, project.config.maxWorkers);
    stages = await Promise.all(Array.from({ length: workers }, (_, i) => startStage(bin, env, clusterUrl, i + 1, servers)));
  } catch (e) {
    await stopAll();
    throw e;
  }

  project.provide('stages', stages);
  project.provide('demoPassword', DEMO_PASSWORD);

  return async () => {
    const problems = await stopAll();
    if (problems.length > 0) throw new Error(problems.join('\n\n'));
  };
}
