import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createMigration, openDatabase } from '@bibia/kit';
import { printIndexModel, replaceGeneratedSection, INDEX_TEMPLATES } from '../printIndexModels';

const PRISMA_DIR = path.join(__dirname, '..', '..', '..', 'prisma');
const SCHEMA = path.join(PRISMA_DIR, 'schema.prisma');

describe('index storage generated from the registry models', () => {
  it('has one column per registry model field, plus the index columns', () => {
    const tool = printIndexModel(INDEX_TEMPLATES[0]);
    for (const name of Object.keys(INDEX_TEMPLATES[0].model.fields)) expect(tool).toMatch(new RegExp(`^  ${name} `, 'm'));
    expect(tool).toMatch(/^ {2}siren +String +@db\.Char\(9\)/m);
    expect(tool).toMatch(/^ {2}search +Unsupported\("tsvector"\)\?/m);
    expect(tool).toContain('@@index([search], type: Gin)');
  });

  it('prisma/schema.prisma is the generated one (run npm run -w @bibia/index generate)', () => {
    const current = fs.readFileSync(SCHEMA, 'utf8');
    expect(replaceGeneratedSection(current)).toBe(current);
  });

  it('the committed migrations match the schema (run npm run -w @bibia/index db:migration -- <name>)', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bibia-index-migrations-'));
    fs.cpSync(path.join(PRISMA_DIR, 'migrations'), path.join(tmp, 'migrations'), { recursive: true });
    const scratch = await openDatabase({ dataDir: 'memory://index-drift' });
    try {
      const created = await createMigration(scratch.adapter, SCHEMA, path.join(tmp, 'migrations'), 'drift');
      expect(created ? fs.readFileSync(path.join(created, 'migration.sql'), 'utf8') : null).toBeNull();
    } finally {
      await scratch.close();
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
