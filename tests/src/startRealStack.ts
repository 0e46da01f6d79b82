import { createToken, type RegistryServer } from '@bibia/registry';
import type { DirectoryServer } from '@bibia/directory';
import { startStack, type Stack, type StackOptions } from './startStack';
import type { GatewayConfig, RunningGateway } from '@bibia/gateway';
import { gql, type GqlResult } from './gql';

/**
 * Time a `beforeAll` starting a whole hub may take: migrations of five embedded databases, seeds
 * and a first harvest, on a CI machine busy with other suites.
 */
export const STACK_START_TIMEOUT_MS = 300_000;

/** The SIRENs of the bundled seed registries (all in département 62, région 32). */
export const SEEDED = { bethune: '200072460', arras: '216200410', pasDeCalais: '226200012' } as const;
/** Arras: a member of the demo stack, with the tool `tri-courrier-entrant` in its seed. */
export const ARRAS = SEEDED.arras;
/** Département du Pas-de-Calais, another member. */
export const PAS_DE_CALAIS = SEEDED.pasDeCalais;

/** Options of {@link startRealStack}. */
export interface RealStackOptions {
  /** Gateway settings over the test defaults (no response cache, 15 s member timeout). */
  gateway?: Partial<GatewayConfig>;
  /** Serve the catalogue page at `/` of the gateway. @default false */
  web?: boolean;
  /**
   * Run the hub's national index (`libraryStats`; anonymous national lists are read from it).
   * `true` takes {@link TEST_INDEX}; settings given are put over it. The stack is returned once
   * the index has harvested every member. @default false (live fan-out only)
   */
  index?: boolean | Exclude<StackOptions['index'], boolean | undefined>;
}

/**
 * The index as tests run it: no background harvest — national reading through the index is
 * eventually consistent by design, so a test that writes and then reads anonymously calls
 * `stack.index!.harvestOnce()` first and gets an exact answer — and members stale only after an
 * hour, so that no answer names stale members unless a test asks for it (a low `staleAfterMs`).
 */
export const TEST_INDEX = { harvest: false, staleAfterMs: 3_600_000 } as const;

export interface RealStack {
  /** The underlying hub (to stop one member, read its URLs...). */
  stack: Stack;
  /** The national endpoint: the gateway's GraphQL URL. */
  endpoint: string;
  /** The gateway's origin (where the catalogue page is served when `web`). */
  origin: string;
  gateway: RunningGateway;
  directory: DirectoryServer;
  adminToken: string;
  /** The stack's registries; a test may add one it started (it is stopped with the stack). */
  registries: RegistryServer[];
  registry(siren: string): RegistryServer;
  /** A publisher token of one registry. */
  token(siren: string): Promise<string>;
  gql(query: string, variables?: Record<string, unknown>, options?: { headers?: Record<string, string> }): Promise<GqlResult>;
  /** Asks one registry directly (bypassing the gateway). */
  direct(siren: string, query: string, variables?: Record<string, unknown>): Promise<GqlResult>;
  stop(): Promise<void>;
}

/**
 * The real thing on port 0, as `npm start` runs it (ops `startStack`): three member registries
 * (in-memory PGlite, bundled seeds), the directory listing them, and the gateway over the
 * committed supergraph. No response cache, and a generous member timeout: PGlite registries on
 * a busy test machine can be slow, and a timeout would fail a test for nothing.
 */
export async function startRealStack(options: RealStackOptions = {}): Promise<RealStack> {
  const index = options.index ? { ...TEST_INDEX, ...(options.index === true ? {} : options.index) } : undefined;
  const stack = await startStack({
    web: options.web ?? false,
    // The index gets the members' generous timeout too: on a busy machine a slow index would be
    // left alone for a while (lists read live, libraryStats failing), and a test fail for nothing.
    gateway: { responseCacheTtlMs: 0, memberTimeoutMs: 15_000, ...(index ? { indexTimeoutMs: 15_000 } : {}), ...options.gateway },
    index,
  });
  // Before any request: an index that has not harvested answers INDEX_NOT_READY, and the gateway
  // would then leave it alone for a few seconds.
  if (stack.index) {
    const round = await stack.index.harvestOnce().catch(async (err: unknown) => {
      await stack.stop();
      throw err;
    });
    if (round.failed.length) {
      await stack.stop();
      throw new Error(`the index could not harvest ${round.failed.map((f) => `${f.siren} (${f.error})`).join(', ')}`);
    }
  }
  const registries = [...stack.members.values()];
  const registry = (siren: string) => registries.find((r) => r.owner.siren === siren)!;
  return {
    stack,
    endpoint: stack.gatewayUrl,
    origin: new URL(stack.gatewayUrl).origin,
    gateway: stack.gateway,
    directory: stack.directory,
    adminToken: stack.adminToken,
    registries,
    registry,
    token: async (siren) => (await createToken(registry(siren).prisma, 'end-to-end tests')).token,
    gql: (query, variables, options) => gql(stack.gatewayUrl, query, variables, options),
    direct: (siren, query, variables) => gql(registry(siren).graphqlUrl, query, variables),
    stop: async () => {
      await stack.stop();
      await Promise.all(registries.filter((r) => !stack.members.has(r.owner.siren)).map((r) => r.close()));
    },
  };
}

/**
 * The hub as the clients' tests see it: the national index (see {@link TEST_INDEX}), the
 * catalogue page served, and a publisher of Arras.
 */
export interface ClientStack extends Omit<RealStack, 'token'> {
  /** A publisher token of Arras's registry. */
  token: string;
  siren: string;
}

/** Options of {@link startClientStack}. */
export interface ClientStackOptions {
  /** Index settings over {@link TEST_INDEX} (e.g. a low `staleAfterMs`). */
  index?: Exclude<RealStackOptions['index'], boolean | undefined>;
}

export async function startClientStack(options: ClientStackOptions = {}): Promise<ClientStack> {
  const real = await startRealStack({ web: true, index: options.index ?? true });
  return { ...real, token: await real.token(ARRAS), siren: ARRAS };
}

/**
 * Makes one member stale in the index of a stack started with a low `staleAfterMs`: stops it,
 * waits until its last harvest is older than that, and harvests the others again (so that they
 * are fresh). The next answer of the index names it in `extensions.bibia.staleMembers`, with
 * its data as last harvested.
 */
export async function leaveStale(env: Pick<RealStack, 'stack'>, siren: string, staleAfterMs: number): Promise<void> {
  await env.stack.stopMember(siren);
  await new Promise((resolve) => setTimeout(resolve, staleAfterMs + 100));
  const round = await env.stack.index!.harvestOnce();
  if (!round.failed.some((f) => f.siren === siren)) throw new Error(`the index still harvested ${siren}`);
}
