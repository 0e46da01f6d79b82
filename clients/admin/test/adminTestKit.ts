import { testDatabaseUrl, dropSchema } from '@bibia/kit';
import { createRegistryServer, createToken, type RegistryConfig, type RegistryServer } from '@bibia/registry';

/** A JSON answer as the test reads it (the tests check its shape). */
export const asAny = (value: unknown): any => value;

/** A registry on port 0 (PGlite in memory, or a PostgreSQL schema with TEST_DATABASE_URL), and helpers to call its back-office. */
export interface AdminTestRegistry {
  server: RegistryServer;
  origin: string;
  token(label?: string): Promise<{ id: string; token: string }>;
  /** A request to the registry; `origin` is sent as the page's unless given (null: none). */
  request(path: string, init?: { method?: string; headers?: Record<string, string>; body?: string | Buffer; origin?: string | null }): Promise<Response>;
  /** Signs in with a token: the session cookie (`name=value`) and CSRF token. */
  signIn(token: string): Promise<{ cookie: string; csrf: string; setCookie: string }>;
  stop(): Promise<void>;
}

export async function startAdminRegistry(siren: string, overrides: Partial<RegistryConfig> = {}): Promise<AdminTestRegistry> {
  const databaseUrl = testDatabaseUrl(`admin_${siren}`);
  const config: RegistryConfig = {
    port: 0,
    host: '127.0.0.1',
    maxBodyBytes: 1024 * 1024,
    siren,
    ...(databaseUrl ? { databaseUrl, dataDir: 'unused' } : { dataDir: `memory://admin-${siren}` }),
    ...overrides,
  } as RegistryConfig;
  const server = await createRegistryServer(config);
  const origin = server.url;
  const request: AdminTestRegistry['request'] = (path, init = {}) =>
    fetch(`${origin}${path}`, {
      method: init.method ?? 'GET',
      headers: { ...(init.origin === null ? {} : { origin: init.origin ?? origin }), ...init.headers },
      body: init.body,
      redirect: 'manual',
    });
  return {
    server,
    origin,
    request,
    token: (label = 'Back-office test') => createToken(server.prisma, label),
    async signIn(token) {
      const res = await request('/admin/api/session', { method: 'POST', headers: { authorization: `Bearer ${token}` } });
      if (res.status !== 200) throw new Error(`sign-in refused: ${res.status} ${await res.text()}`);
      const setCookie = res.headers.get('set-cookie') ?? '';
      const body = (await res.json()) as { csrf: string };
      return { cookie: setCookie.split(';')[0], csrf: body.csrf, setCookie };
    },
    async stop() {
      await server.close();
      if (databaseUrl) await dropSchema(databaseUrl);
    },
  };
}
