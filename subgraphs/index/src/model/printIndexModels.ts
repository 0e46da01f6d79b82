import fs from 'node:fs';
import { aiToolModel, enumName, practiceReportModel, prismaColumn, type EntityModel } from '@bibia/registry/contract';

/*
 * The index stores what members publish with the registry's own field models (written once in
 * the registry): the columns of IndexedTool and IndexedReport are printed from them, around
 * index-only columns (owner, sort key, member dates, harvest time, search vector). The enums the
 * models use are printed from the same enum objects, so a new theme reaches the index by
 * `npm run -w @bibia/index generate` and a migration.
 */

type Line = [name: string, type: string, attributes?: string] | string;

interface IndexTemplate {
  /** The registry model the columns come from. */
  model: EntityModel;
  /** Prisma model name of the index. */
  name: string;
  before: Line[];
  after: Line[];
}

const memberColumns: Line[] = [
  '/// The member\'s own times and version (not the index\'s): `updatedAt` is the RECENT sort key.',
  ['createdAt', 'DateTime'],
  ['updatedAt', 'DateTime'],
  ['publishedAt', 'DateTime?'],
  ['version', 'Int'],
  '/// When the index last fetched this entry from its member.',
  ['harvestedAt', 'DateTime'],
  '/// French full text (accents folded), weighted A name, B summary, C the rest; filled by raw SQL.',
  ['search', 'Unsupported("tsvector")?'],
];

export const INDEX_TEMPLATES: IndexTemplate[] = [
  {
    model: aiToolModel,
    name: 'IndexedTool',
    before: [
      '/// `<siren>:<slug>`, as the member gives it.',
      ['id', 'String', '@id'],
      ['siren', 'String', '@db.Char(9)'],
      ['slug', 'String'],
      '/// The registry\'s `sortKey(name)`: the NAME cursor value every member computes the same way.',
      ['sortName', 'String'],
    ],
    after: [
      ...memberColumns,
      '',
      // Both orders of the contract, read from an index: the migration gives these two the
      // byte-order collation of the ORDER BY ("sortName" COLLATE "C", id COLLATE "C"), which
      // Prisma cannot write (see prisma/migrations/*_keyset_order).
      '@@index([sortName, id])',
      '@@index([updatedAt(sort: Desc), id])',
      '@@index([siren])',
      '@@index([productId])',
      '@@index([search], type: Gin)',
    ],
  },
  {
    model: practiceReportModel,
    name: 'IndexedReport',
    before: [
      ['id', 'String', '@id'],
      ['siren', 'String', '@db.Char(9)'],
      ['slug', 'String'],
      ['toolId', 'String'],
      ['sortName', 'String'],
    ],
    after: [
      ...memberColumns,
      '',
      '@@index([sortName, id])',
      '@@index([updatedAt(sort: Desc), id])',
      '@@index([siren])',
      '@@index([toolId])',
      '@@index([search], type: Gin)',
    ],
  },
];

function align(lines: Line[]): string[] {
  const columns = lines.filter((l): l is Exclude<Line, string> => typeof l !== 'string');
  const nameWidth = Math.max(...columns.map(([n]) => n.length)) + 1;
  const typeWidth = Math.max(...columns.map(([, t]) => t.length)) + 1;
  return lines.map((l) => {
    if (typeof l === 'string') return l ? `  ${l}` : '';
    const [name, type, attributes] = l;
    return `  ${name.padEnd(nameWidth)}${attributes ? `${type.padEnd(typeWidth)}${attributes}` : type}`.trimEnd();
  });
}

/** The `model` block of an index table. */
export function printIndexModel(t: IndexTemplate): string {
  const fieldLines: Line[] = Object.entries(t.model.fields).map(([name, f]) => {
    const [type, attributes] = prismaColumn(f);
    // Defaults are the member's business: the index stores what it was given.
    return [name, type, attributes.replace(/@default\([^)]*\)\s*/g, '').trim()];
  });
  const origin = `  // Generated from the registry's ${t.model.name} model by \`npm run -w @bibia/index generate\`: do not edit.`;
  return `model ${t.name} {\n${origin}\n${align([...t.before, ...fieldLines, ...t.after]).join('\n')}\n}`;
}

/** The enums the models use, each once, in order of first use. */
export function printIndexEnums(): string {
  const seen = new Map<string, object>();
  for (const t of INDEX_TEMPLATES) {
    for (const f of Object.values(t.model.fields)) {
      if (f.kind === 'enum' || f.kind === 'enumList') seen.set(enumName(f.values), f.values);
    }
  }
  return [...seen].map(([name, values]) => `enum ${name} {\n${Object.values(values).map((v) => `  ${v}`).join('\n')}\n}`).join('\n\n');
}

const BEGIN = '// ---- generated: begin ----';
const END = '// ---- generated: end ----';

/** The schema text with its generated section (between the markers) rewritten. */
export function replaceGeneratedSection(schema: string): string {
  const start = schema.indexOf(BEGIN);
  const end = schema.indexOf(END);
  if (start < 0 || end < start) throw new Error(`schema.prisma has no "${BEGIN}" … "${END}" section`);
  const generated = [printIndexEnums(), ...INDEX_TEMPLATES.map(printIndexModel)].join('\n\n');
  return `${schema.slice(0, start)}${BEGIN}\n\n${generated}\n\n${schema.slice(end)}`;
}

/** Rewrites the generated section of a schema file; true when the file changed. */
export function writeIndexModels(file: string): boolean {
  const before = fs.readFileSync(file, 'utf8');
  const after = replaceGeneratedSection(before);
  if (after !== before) fs.writeFileSync(file, after);
  return after !== before;
}
