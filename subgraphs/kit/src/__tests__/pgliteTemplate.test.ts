import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStorage, type Storage } from '../storage/openStorage';
import { loadSchemaEngine } from '../storage/schemaEngine';
import { sql } from './rawSql';

const ROOT = path.join(__dirname, '..', '..', '..', '..');
const REGISTRY_MIGRATIONS = path.join(ROOT, 'subgraphs', 'registry', 'prisma', 'migrations');
const [INIT, SECOND] = fs.readdirSync(REGISTRY_MIGRATIONS).filter((d) => fs.statSync(path.join(REGISTRY_MIGRATIONS, d)).isDirectory()).sort();

describe('new embedded databases start from a kept, migrated template', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bibia-template-'));
  const cache = path.join(tmp, 'cache');
  const migrations = path.join(tmp, 'migrations');
  const dataDir = path.join(tmp, 'data');
  const savedCacheDir = process.env.BIBIA_CACHE_DIR;
  let engineLoads = 0;
  const open = (dir: string): Promise<Storage<{ $disconnect(): Promise<void> }>> =>
    openStorage({
      dataDir: dir,
      migrationsDir: migrations,
      createClient: () => ({ $disconnect: async () => {} }),
      loadEngine: (adapter) => {
        engineLoads++;
        return loadSchemaEngine(adapter);
      },
    });

  beforeAll(() => {
    process.env.BIBIA_CACHE_DIR = cache;
    // The registry's first migration only: the second is added by a test, as a release would.
    fs.cpSync(path.join(REGISTRY_MIGRATIONS, INIT), path.join(migrations, INIT), { recursive: true });
    fs.copyFileSync(path.join(REGISTRY_MIGRATIONS, 'migration_lock.toml'), path.join(migrations, 'migration_lock.toml'));
  });
  afterAll(() => {
    if (savedCacheDir === undefined) delete process.env.BIBIA_CACHE_DIR;
    else process.env.BIBIA_CACHE_DIR = savedCacheDir;
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('makes the template once, and a new database from it needs neither initdb nor the engine', async () => {
    const first = await open(dataDir);
    try {
      expect(first.appliedMigrations).toEqual([INIT]);
      expect(engineLoads).toBe(0);
      expect(fs.readdirSync(cache).filter((f) => f.endsWith('.tar.gz'))).toHaveLength(1);
      await sql(first.database.adapter, `INSERT INTO "Owner" (siren, name, "updatedAt") VALUES ('216200410', 'Arras', now())`);
    } finally {
      await first.close();
    }
  });

  it('keeps the data of an existing database on restart, without the engine', async () => {
    const again = await open(dataDir);
    try {
      expect(again.appliedMigrations).toEqual([]);
      expect(engineLoads).toBe(0);
      expect(await sql(again.database.adapter, 'SELECT name FROM "Owner"')).toEqual([['Arras']]);
    } finally {
      await again.close();
    }
  });

  it('applies a pending migration to an existing database through the engine, data kept', async () => {
    fs.cpSync(path.join(REGISTRY_MIGRATIONS, SECOND), path.join(migrations, SECOND), { recursive: true });
    const migrated = await open(dataDir);
    try {
      expect(migrated.appliedMigrations).toEqual([SECOND]);
      expect(engineLoads).toBe(1);
      expect(await sql(migrated.database.adapter, 'SELECT name FROM "Owner"')).toEqual([['Arras']]);
      const columns = await sql(migrated.database.adapter, `SELECT column_name FROM information_schema.columns WHERE table_name = 'AiTool' AND column_name = 'source'`);
      expect(columns).toEqual([['source']]);
    } finally {
      await migrated.close();
    }
  });

  it('makes a new template when the migrations change; a new in-memory database is fully migrated and empty', async () => {
    const fresh = await open('memory://template-test');
    try {
      expect(fresh.appliedMigrations).toEqual([INIT, SECOND]);
      expect(engineLoads).toBe(1);
      expect(fs.readdirSync(cache).filter((f) => f.endsWith('.tar.gz'))).toHaveLength(2);
      expect(await sql(fresh.database.adapter, 'SELECT count(*)::int FROM "Owner"')).toEqual([[0]]);
    } finally {
      await fresh.close();
    }
  });
});
