import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/** The audit's own subgraph server (`src/cli.ts serve`), run from its checkout. */
export interface AuditServer {
  /** e.g. `http://localhost:4321` */
  url: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Finds the checkout's TypeScript loader (tsx, one of its dev dependencies) unless one is given. */
export function findTsx(checkout: string, given?: string): string {
  if (given) return path.resolve(given);
  try {
    return require.resolve('tsx/esm', { paths: [checkout] });
  } catch {
    throw new Error(`tsx not found in ${checkout}: run \`npm ci\` there (or give --tsx <path of tsx/dist/esm/index.mjs>)`);
  }
}

/**
 * Starts the audit's subgraphs (every test suite's, one HTTP server) on a free port, with the
 * checkout's own dependencies; resolved when it answers `/_health`.
 */
export async function startAuditServer(checkout: string, tsx: string, timeoutMs = 60_000): Promise<AuditServer> {
  const cli = path.join(checkout, 'src', 'cli.ts');
  if (!fs.existsSync(cli)) throw new Error(`${checkout} is not a federation-gateway-audit checkout (no src/cli.ts)`);
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    ['-r', path.join(__dirname, 'promiseWithResolvers.cjs'), '--import', tsx, cli, 'serve', '--port', String(port)],
    { cwd: checkout, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NODE_OPTIONS: '' } },
  );
  const url = `http://localhost:${port}`;
  const stop = () => new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5000).unref();
  });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the audit's subgraph server exited (${child.exitCode})`);
    try {
      if ((await fetch(`${url}/_health`)).ok) return { url, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`the audit's subgraph server did not answer within ${timeoutMs / 1000} s`);
}
