import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { ChildMessage } from './peersChild';
import type { PeerGatewaySpec } from './peersGateway';

const REGISTER = path.join(__dirname, '..', '..', '..', 'packages', 'core', 'bin', 'register.js');
const CHILD = path.join(__dirname, 'peersChild.ts');

/** A gateway running in a child process of its own: its CPU time is its own. */
export interface PeerProcess {
  graphqlUrl: string;
  pid: number;
  /** CPU time (user + system) the child has used since it started, in milliseconds. */
  cpuMs(): Promise<number>;
  stop(): Promise<void>;
}

/** Forks a child running {@link PeerGatewaySpec}'s gateway, resolved once it listens. */
export async function spawnPeerGateway(spec: PeerGatewaySpec, startTimeoutMs = 60_000): Promise<PeerProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env, PEERS_GATEWAY_SPEC: JSON.stringify(spec), LOG_LEVEL: 'error' };
  delete env.REDIS_URL;
  const child = fork(CHILD, [], { execArgv: ['-r', REGISTER], env, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  try {
    const ready = await new Promise<ChildMessage>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${spec.kind}: the gateway did not start within ${startTimeoutMs / 1000} s`)), startTimeoutMs);
      child.once('message', (m: ChildMessage) => {
        clearTimeout(timer);
        if (m.type === 'ready' && m.graphqlUrl) resolve(m);
        else reject(new Error(`${spec.kind}: ${m.message ?? 'the gateway did not start'}`));
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`${spec.kind}: the gateway process exited (${code})`));
      });
    });
    return { graphqlUrl: ready.graphqlUrl!, pid: child.pid!, cpuMs: () => askCpu(child), stop: () => stopChild(child) };
  } catch (err) {
    await stopChild(child);
    throw err;
  }
}

function askCpu(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: ChildMessage) => {
      if (m.type !== 'cpu') return;
      child.off('message', onMessage);
      resolve((m.micros ?? 0) / 1000);
    };
    child.on('message', onMessage);
    if (!child.send({ type: 'cpu' })) reject(new Error('the gateway process is gone'));
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    // The child closes its gateway when its IPC channel closes; SIGKILL if it hangs.
    if (child.connected) child.disconnect();
    else child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5000).unref();
  });
}
