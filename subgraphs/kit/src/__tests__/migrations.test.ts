import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createMigration } from '../storage/schemaEngine';
import { openDatabase } from '../storage/openDatabase';

const ROOT = path.join(__dirname, '..', '..', '..', '..');
// Every subgraph with storage; a missing migrations folder fails below, it is not skipped.
const SUBGRAPHS = ['registry', 'directory', 'index'];

describe('committed migrations match each Prisma schema', () => {
  it.each(SUBGRAPHS)('%s: no migration left to create (run npm run db:migration -- <name>)', async (subgraph) => {
    const prismaDir = path.join(ROOT, 'subgraphs', subgraph, 'prisma');
    expect(fs.existsSync(path.join(prismaDir, 'migrations'))).toBe(true);
    // Work on a copy: a drift must fail the test, not write a migration into the repo.
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `bibia-migrations-${subgraph}-`));
    fs.cpSync(path.join(prismaDir, 'migrations'), path.join(tmp, 'migrations'), { recursive: true });
    const scratch = await openDatabase({ dataDir: `memory://drift-${subgraph}` });
    try {
      const created = await createMigration(scratch.adapter, path.join(prismaDir, 'schema.prisma'), path.join(tmp, 'migrations'), 'drift');
      const sql = created ? fs.readFileSync(path.join(created, 'migration.sql'), 'utf8') : null;
      expect(sql).toBeNull();
    } finally {
      await scratch.close();
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
