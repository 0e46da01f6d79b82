import { dropSchema, testDatabaseUrl } from '@bibia/kit';
import { createDirectoryServer, type DirectoryServer, type DirectoryServerOptions } from '../../src';

export const ADMIN_TOKEN = 'test-hub-admin-token';

/** SIRENs of the seed. */
export const SIREN = {
  bethune: '200072460',
  arras: '216200410',
  pasDeCalais: '226200012',
  lille: '215903501',
  nord: '225900018',
  /** Luhn-valid, not in the directory. */
  unknown: '123456782',
} as const;

export interface GqlResponse<T = any> {
  status: number;
  body: { data?: T; errors?: { message: string; extensions?: Record<string, any> }[] };
}

export interface TestDirectory {
  server: DirectoryServer;
  /** SQL statements since the last `resetQueries()`. */
  queries: string[];
  resetQueries(): void;
  /** POSTs a GraphQL request, with `Authorization: Bearer <token>` when a token is given. */
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResponse<T>>;
  /** Stops the server and drops its PostgreSQL schema. */
  stop(): Promise<void>;
}

/**
 * Starts the directory on port 0: in-memory PGlite, or a fresh PostgreSQL schema when
 * TEST_DATABASE_URL is set. One per test file: PGlite takes seconds to start.
 */
export async function startDirectory(name: string, options: DirectoryServerOptions = {}): Promise<TestDirectory> {
  const databaseUrl = testDatabaseUrl(`dir_${name}`);
  const queries: string[] = [];
  const server = await createDirectoryServer({
    port: 0,
    hubAdminToken: ADMIN_TOKEN,
    ...(databaseUrl ? { databaseUrl } : { dataDir: `memory://${name}` }),
    onQuery: (sql) => queries.push(sql),
    // 36,000 rows take seconds on PGlite: suites that need the reference ask for it.
    reference: false,
    ...options,
  });
  return {
    server,
    queries,
    resetQueries: () => {
      queries.length = 0;
    },
    gql: (query, variables, token) => gql(server.graphqlUrl, query, variables, token),
    stop: async () => {
      await server.close();
      if (databaseUrl) await dropSchema(databaseUrl);
    },
  };
}

export async function gql<T = any>(url: string, query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResponse<T>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as GqlResponse<T>['body'] };
}

/** The `extensions.code` of each error. */
export function codes(body: GqlResponse['body']): string[] {
  return (body.errors ?? []).map((e) => e.extensions?.code);
}
