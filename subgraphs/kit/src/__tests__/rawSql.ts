import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';

/** Runs one statement on its own connection of the adapter; returns the rows. */
export async function sql(adapter: SqlMigrationAwareDriverAdapterFactory, statement: string): Promise<unknown[][]> {
  const connection = await adapter.connect();
  try {
    return (await connection.queryRaw({ sql: statement, args: [], argTypes: [] })).rows;
  } finally {
    await connection.dispose();
  }
}
