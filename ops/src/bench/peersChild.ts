import { startPeerGateway, type PeerGatewaySpec } from './peersGateway';

/*
 * Entry of a child process of the peers bench: starts the gateway described by the
 * PEERS_GATEWAY_SPEC environment variable (JSON), then answers its parent over IPC, so that the
 * parent reads this process's own CPU time around each measure.
 *   parent → child: { type: 'cpu' }      child → parent: { type: 'cpu', micros }
 *   child → parent: { type: 'ready', graphqlUrl } or { type: 'failed', message }
 * It stops when its parent disconnects.
 */

export interface ChildMessage {
  type: 'ready' | 'failed' | 'cpu';
  graphqlUrl?: string;
  message?: string;
  /** User + system CPU time of this process since it started, in microseconds. */
  micros?: number;
}

async function run(): Promise<void> {
  const send = (m: ChildMessage) => process.send?.(m);
  let spec: PeerGatewaySpec;
  try {
    spec = JSON.parse(process.env.PEERS_GATEWAY_SPEC ?? '') as PeerGatewaySpec;
  } catch {
    send({ type: 'failed', message: 'PEERS_GATEWAY_SPEC is not valid JSON' });
    return;
  }
  try {
    const gateway = await startPeerGateway(spec);
    process.on('message', (m: { type?: string }) => {
      if (m?.type !== 'cpu') return;
      const { user, system } = process.cpuUsage();
      send({ type: 'cpu', micros: user + system });
    });
    process.once('disconnect', () => void gateway.close().finally(() => process.exit(0)));
    send({ type: 'ready', graphqlUrl: gateway.graphqlUrl });
  } catch (err) {
    send({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
    process.exit(1);
  }
}

if (require.main === module) void run();
