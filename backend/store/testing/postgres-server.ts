import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * A real PostgreSQL server for the tests, started from Debian's `postgresql` package
 * (/usr/lib/postgresql/<version>/bin; scripts/ensure-postgres.sh installs it) in a temp
 * dir, listening on a Unix socket only, as the `postgres` user when we are root (initdb
 * refuses root). PULSO_TEST_DATABASE_URL points the tests at a server of your own instead.
 */
export interface TestPostgres {
  /** A connection URL to the `postgres` database (tests isolate themselves by schema). */
  url: string;
  stop(): Promise<void>;
}

export const TEST_DATABASE_URL_ENV = 'PULSO_TEST_DATABASE_URL';

export function postgresBinDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (!versions[0]) {
    throw new Error(
      'the PostgreSQL tests need the server binaries (/usr/lib/postgresql/*/bin): run `bash scripts/ensure-postgres.sh` ' +
        `(installs Debian's postgresql package) or set ${TEST_DATABASE_URL_ENV} to a server of yours`,
    );
  }
  return join(root, versions[0], 'bin');
}

function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

async function waitUntilAccepting(url: string, server: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`postgres exited with ${server.exitCode}: ${log()}`);
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.query('select 1');
      return;
    } catch (err) {
      if (Date.now() > deadline) throw new Error(`postgres did not accept connections: ${(err as Error).message}; ${log()}`);
    } finally {
      await client.end().catch(() => {});
    }
    // Poll the server's state (accepting connections or not) every 100 ms.
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** `durable`: fsync on, as a production server runs (the bench); the tests run without it. */
export async function startTestPostgres({ durable = false }: { durable?: boolean } = {}): Promise<TestPostgres> {
  const external = process.env[TEST_DATABASE_URL_ENV];
  if (external) return { url: external, stop: async () => {} };

  const bin = postgresBinDir();
  const dir = mkdtempSync(join(tmpdir(), 'pulso-pg-'));
  const data = join(dir, 'data');
  const user = runAs();
  if (user) chownSync(dir, user.uid, user.gid);
  execFileSync(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync'], { ...user, stdio: 'pipe', cwd: dir });

  let output = '';
  const server = spawn(
    join(bin, 'postgres'),
    ['-D', data, '-k', dir, '-c', 'listen_addresses=', '-c', `fsync=${durable ? 'on' : 'off'}`, '-c', 'max_connections=200'],
    { ...user, cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  server.stdout?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4_000)));
  server.stderr?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4_000)));
  const killOnExit = () => server.kill('SIGKILL');
  process.once('exit', killOnExit);

  const url = `postgresql://postgres@localhost/postgres?host=${encodeURIComponent(dir)}`;
  const stop = async () => {
    process.removeListener('exit', killOnExit);
    if (server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGINT'); // fast shutdown
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitUntilAccepting(url, server, () => output);
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, stop };
}
