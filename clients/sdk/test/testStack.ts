import { createToken } from '@bibia/registry';
import { startStack, type Stack } from '../../../ops/src/startStack';

/** Arras: a member of the demo stack, with the tool `tri-courrier-entrant` in its seed. */
export const ARRAS = '216200410';
/** Département du Pas-de-Calais, another member. */
export const PAS_DE_CALAIS = '226200012';

export interface TestStack {
  stack: Stack;
  /** The national endpoint (the gateway). */
  endpoint: string;
  /** The catalogue page's origin (the gateway serves it at `/`). */
  origin: string;
  /** A publisher token of Arras's registry. */
  token: string;
  siren: string;
  stop(): Promise<void>;
}

/**
 * The demo hub for the clients' end-to-end tests: three member registries with their seeds, the
 * directory, and the gateway (which also serves the catalogue page), all on port 0.
 */
export async function startTestStack(): Promise<TestStack> {
  // No response cache: tests read right after writing, and stop members. A generous member
  // timeout: a loaded CI machine must not turn a slow member into a partial result (a stopped
  // member is refused at once, whatever the timeout).
  const stack = await startStack({ gateway: { memberTimeoutMs: 15_000, responseCacheTtlMs: 0 } });
  const token = (await createToken(stack.members.get(ARRAS)!.prisma, 'client tests')).token;
  return {
    stack,
    endpoint: stack.gatewayUrl,
    origin: new URL(stack.gatewayUrl).origin,
    token,
    siren: ARRAS,
    stop: () => stack.stop(),
  };
}
