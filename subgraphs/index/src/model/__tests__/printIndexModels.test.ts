import fs from 'node:fs';
import path from 'node:path';
import { printIndexModel, replaceGeneratedSection, INDEX_TEMPLATES } from '../printIndexModels';

const SCHEMA = path.join(__dirname, '..', '..', '..', 'prisma', 'schema.prisma');

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
  // That the committed migrations match this schema is checked with the other subgraphs' in
  // subgraphs/kit/src/__tests__/migrations.test.ts.
});
