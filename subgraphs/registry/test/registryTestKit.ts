import { dropSchema, testDatabaseUrl } from '@bibia/kit';
import { createRegistryServer, createToken, type RegistryServer } from '../src';
import type { RegistryConfig } from '../src/config';

/** Valid SIRENs of the seed collectivités. */
export const SIREN = { bethune: '200072460', arras: '216200410', pasDeCalais: '226200012' } as const;

export interface TestRegistry {
  server: RegistryServer;
  /** SQL statements run since the last `resetQueries()`. */
  queries: string[];
  resetQueries(): void;
  /** POSTs a GraphQL request; returns the parsed body and the HTTP status. */
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<{ status: number; body: { data?: T; errors?: any[] } }>;
  token(label?: string): Promise<string>;
  /** Stops the server and drops its PostgreSQL schema, unless `keepData` (restart tests). */
  stop(keepData?: boolean): Promise<void>;
}

/**
 * Where test data lives: an embedded PGlite (in memory, or in `dataDir`), or — when
 * TEST_DATABASE_URL is set — a fresh PostgreSQL schema per registry.
 */
export function testStorage(name: string): Pick<RegistryConfig, 'databaseUrl' | 'dataDir'> {
  const databaseUrl = testDatabaseUrl(name);
  return databaseUrl ? { databaseUrl, dataDir: 'unused' } : { dataDir: `memory://${name}` };
}

export async function startRegistry(options: Partial<RegistryConfig> & { siren: string }): Promise<TestRegistry> {
  const queries: string[] = [];
  const config: RegistryConfig = {
    port: 0,
    host: '127.0.0.1',
    maxBodyBytes: 10 * 1024 * 1024,
    ...testStorage(options.siren),
    ...options,
  };
  const server = await createRegistryServer(config, { onQuery: (sql) => queries.push(sql) });
  return {
    server,
    queries,
    resetQueries: () => {
      queries.length = 0;
    },
    gql: async (query, variables, token) => {
      const res = await fetch(server.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, body: (await res.json()) as any };
    },
    token: async (label = 'Test publisher') => (await createToken(server.prisma, label)).token,
    stop: async (keepData = false) => {
      await server.close();
      if (!keepData && config.databaseUrl) await dropSchema(config.databaseUrl);
    },
  };
}

/** A complete, valid tool input. */
export function toolInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'Tri automatique du courrier entrant',
    summary: 'Classement des courriers numérisés par service destinataire.',
    description: 'Un modèle de classification lit les courriers numérisés et propose le service destinataire.',
    themes: ['ADMINISTRATION'],
    status: 'OPERATIONAL',
    algorithmType: 'MACHINE_LEARNING',
    riskLevel: 'MINIMAL',
    hosting: 'FRENCH_CLOUD',
    ...overrides,
  };
}

export const TOOL_FIELDS = 'id slug name summary state version themes status riskLevel';

export function codes(body: { errors?: { extensions?: { code?: string } }[] }): (string | undefined)[] {
  return (body.errors ?? []).map((e) => e.extensions?.code);
}
