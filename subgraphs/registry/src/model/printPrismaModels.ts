import fs from 'node:fs';
import { enumName } from './enumNames';
import type { AnyField, EntityModel } from './fields';

/** A column `[name, type, attributes]`, or a line written as is (doc comment, relation, index). */
type Line = [name: string, type: string, attributes?: string] | string;

/** The columns and clauses of an entity that are not model fields: identity, workflow, relations. */
export interface EntityTemplate {
  before: Line[];
  after: Line[];
}

const workflowColumns = (what: string): Line[] => [
  ['createdAt', 'DateTime', '@default(now())'],
  ['updatedAt', 'DateTime', '@updatedAt'],
  ['publishedAt', 'DateTime?'],
  `/// Changes saved on a public ${what}, waiting to be published as its next version.`,
  ['pendingDraft', 'Json?'],
];

/** Fixed parts of the generated models; everything between `before` and `after` comes from the model. */
export const ENTITY_TEMPLATES: Record<string, EntityTemplate> = {
  AiTool: {
    before: [
      '/// `<siren>:<slug>`, never changes.',
      ['id', 'String', '@id'],
      ['slug', 'String', '@unique'],
      '/// Normalised name (lower case, no accents) for a sort order every member shares.',
      ['sortName', 'String'],
      ['state', 'PublicationState', '@default(DRAFT)'],
      '/// Number of the version the public columns hold.',
      ['version', 'Int', '@default(1)'],
    ],
    after: [
      ...workflowColumns('tool'),
      '',
      'versions        AiToolVersion[]',
      'practiceReports PracticeReport[]',
      '',
      '@@index([state, sortName, id])',
      '@@index([state, updatedAt, id])',
      '@@index([productId])',
      '@@index([source, externalId])',
    ],
  },
  PracticeReport: {
    before: [
      '/// `<siren>:<slug>`, never changes.',
      ['id', 'String', '@id'],
      ['slug', 'String', '@unique'],
      ['toolId', 'String'],
      ['sortName', 'String'],
      ['state', 'PublicationState', '@default(DRAFT)'],
      ['version', 'Int', '@default(1)'],
    ],
    after: [
      ...workflowColumns('report'),
      '',
      'tool     AiTool                  @relation(fields: [toolId], references: [id])',
      'versions PracticeReportVersion[]',
      '',
      '@@index([state, sortName, id])',
      '@@index([state, updatedAt, id])',
      '@@index([toolId])',
    ],
  },
};

/** The Prisma column of a field: `[type, attributes]`. */
export function prismaColumn(field: AnyField): [string, string] {
  switch (field.kind) {
    case 'text':
      return field.required ? ['String', ''] : ['String', '@default("")'];
    case 'siren':
      return ['String?', '@db.Char(9)'];
    case 'nullableText':
    case 'url':
    case 'email':
    case 'productId':
      return ['String?', ''];
    case 'date':
      return [field.required ? 'DateTime' : 'DateTime?', '@db.Date'];
    case 'int':
      return ['Int?', ''];
    case 'number':
      return ['Float', ''];
    case 'boolean':
      return field.nullable ? ['Boolean?', ''] : ['Boolean', `@default(${field.default})`];
    case 'enum':
      if (field.nullable) return [`${enumName(field.values)}?`, ''];
      return [enumName(field.values), field.default === undefined ? '' : `@default(${field.default})`];
    case 'enumList':
      return [`${enumName(field.values)}[]`, field.min === 0 ? '@default([])' : ''];
    case 'json':
      return ['Json?', ''];
    case 'objectList':
      // Items are validated by the API on the way in; the database keeps them as they are.
      return ['Json', '@default("[]")'];
  }
}

/** The `model X { ... }` block of an entity, aligned as `prisma format` would. */
export function printPrismaModel(model: EntityModel, template: EntityTemplate = ENTITY_TEMPLATES[model.name]): string {
  if (!template) throw new Error(`No storage template for model ${model.name}`);
  const fieldLines: Line[] = Object.entries(model.fields).map(([name, f]) => [name, ...prismaColumn(f)]);
  const lines = [...template.before, ...fieldLines, ...template.after];
  const columns = lines.filter((l): l is Exclude<Line, string> => typeof l !== 'string');
  const nameWidth = Math.max(...columns.map(([n]) => n.length)) + 1;
  const typeWidth = Math.max(...columns.map(([, t]) => t.length)) + 1;
  const body = lines.map((l) => {
    if (typeof l === 'string') return l ? `  ${l}` : '';
    const [name, type, attributes] = l;
    return `  ${name.padEnd(nameWidth)}${attributes ? `${type.padEnd(typeWidth)}${attributes}` : type}`.trimEnd();
  });
  const folder = model.name[0].toLowerCase() + model.name.slice(1);
  const origin = `  // Generated from src/${folder}/${folder}.model.ts by \`npm run generate\`: edit the model, not this block.`;
  return `model ${model.name} {\n${origin}\n${body.join('\n')}\n}`;
}

/** The schema text with the blocks of these models replaced by their generated version. */
export function replacePrismaModels(schema: string, models: EntityModel[]): string {
  return models.reduce((text, model) => {
    const block = new RegExp(`^model ${model.name} \\{\\n[\\s\\S]*?^\\}`, 'm');
    if (!block.test(text)) throw new Error(`schema.prisma has no model ${model.name} to replace`);
    return text.replace(block, () => printPrismaModel(model));
  }, schema);
}

/** Rewrites the entity models of a schema file; true when the file changed. */
export function writePrismaModels(file: string, models: EntityModel[]): boolean {
  const before = fs.readFileSync(file, 'utf8');
  const after = replacePrismaModels(before, models);
  if (after !== before) fs.writeFileSync(file, after);
  return after !== before;
}
