import { createToken, type RegistryServer } from '@bibia/registry';
import type { DirectoryServer } from '@bibia/directory';
import { startStack, type Stack } from './startStack';
import type { GatewayConfig, RunningGateway } from '@bibia/gateway';
import { gql, type GqlResult } from './gql';

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
}

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
  const stack = await startStack({ web: options.web ?? false, gateway: { responseCacheTtlMs: 0, memberTimeoutMs: 15_000, ...options.gateway } });
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

/** The hub as the clients' tests see it: the catalogue page served, and a publisher of Arras. */
export interface ClientStack extends Omit<RealStack, 'token'> {
  /** A publisher token of Arras's registry. */
  token: string;
  siren: string;
}

export async function startClientStack(): Promise<ClientStack> {
  const real = await startRealStack({ web: true });
  return { ...real, token: await real.token(ARRAS), siren: ARRAS };
}
