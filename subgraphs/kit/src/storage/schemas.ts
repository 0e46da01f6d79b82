import crypto from 'node:crypto';

/**
 * PostgreSQL schemas named by Prisma's `?schema=` URL parameter: one per registry or test run,
 * so that many can share one server.
 */
export function splitSchema(databaseUrl: string): { serverUrl: string; schema: string | null } {
  const url = new URL(databaseUrl);
  const schema = url.searchParams.get('schema');
  url.searchParams.delete('schema');
  if (schema !== null && !/^[a-z_][a-z0-9_]{0,62}$/i.test(schema)) throw new Error(`DATABASE_URL: invalid schema name "${schema}"`);
  return { serverUrl: url.toString(), schema };
}

/** Runs one statement about the URL's schema on its server (its own connection, closed after). */
async function onSchema(databaseUrl: string, statement: (schema: string) => string): Promise<void> {
  const { serverUrl, schema } = splitSchema(databaseUrl);
  if (!schema) return;
  const { Client } = await import('pg');
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement(schema));
  } finally {
    await client.end();
  }
}

export const createSchema = (databaseUrl: string) => onSchema(databaseUrl, (s) => `CREATE SCHEMA IF NOT EXISTS "${s}"`);
export const dropSchema = (databaseUrl: string) => onSchema(databaseUrl, (s) => `DROP SCHEMA IF EXISTS "${s}" CASCADE`);

/**
 * For tests: a fresh schema on the TEST_DATABASE_URL server, or undefined when the variable is
 * not set (tests then use the embedded database). Drop it with {@link dropSchema}.
 */
export function testDatabaseUrl(name: string): string | undefined {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) return undefined;
  const url = new URL(base);
  url.searchParams.set('schema', `t_${name.replace(/\W/g, '_').slice(0, 40)}_${crypto.randomBytes(4).toString('hex')}`);
  return url.toString();
}
