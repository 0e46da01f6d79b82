import fs from 'node:fs';
import { isInputObjectType, type GraphQLSchema } from 'graphql';
import { printSubgraphSchema } from '@apollo/subgraph';
import { Arg, Mutation, ObjectType, Query, Resolver, buildSchema as buildTypeGraphQLSchema } from 'type-graphql';
// Before any decorator runs: loads reflect-metadata through @bibia/kit.
import { buildRegistrySchema } from '../../schema';
import * as f from '../fields';
import { declareFields, modelInputType, outputFields } from '../toGraphQL';
import { recordSchema } from '../toZod';
import { columnsOf, recordOf } from '../rows';
import { ENTITY_TEMPLATES, printPrismaModel, replacePrismaModels } from '../printPrismaModels';
import { ENTITY_MODELS, PRISMA_SCHEMA } from '../entityModels';
import { aiToolModel } from '../../aiTool/aiTool.model';
import { practiceReportModel } from '../../practiceReport/practiceReport.model';

const tool = {
  slug: 'tri-courrier',
  name: 'Tri du courrier',
  summary: 'Classe le courrier entrant.',
  themes: ['ADMINISTRATION'],
  status: 'OPERATIONAL',
  startDate: '2024-01-15',
  algorithmType: 'MACHINE_LEARNING',
  riskLevel: 'MINIMAL',
  hosting: 'FRENCH_CLOUD',
  dataSources: [{ name: 'Courriers entrants' }],
  impactAssessments: [{ type: 'DPIA', date: '2023-12-01' }],
};

const report = { slug: 'bilan-2024', title: 'Bilan 2024', reportDate: '2024-12-31', indicators: [{ name: 'Délai', value: 3, unit: 'jours' }] };

/** `name: Type` of each field of a GraphQL object or input type. */
function fieldTypes(schema: GraphQLSchema, typeName: string): Record<string, string> {
  const type = schema.getType(typeName) as { getFields(): Record<string, { type: unknown }> } | undefined;
  if (!type) throw new Error(`no type ${typeName}`);
  return Object.fromEntries(Object.entries(type.getFields()).map(([name, field]) => [name, String(field.type)]));
}

function prismaColumn(block: string, name: string): string | undefined {
  return new RegExp(`^ {2}${name} +(\\S+)`, 'm').exec(block)?.[1];
}

describe('adding a field is one edit of the model', () => {
  const withExternalId = f.defineModel({
    ...aiToolModel,
    titleField: 'name',
    fields: {
      ...aiToolModel.fields,
      inventoryId: f.nullableText(100, {
        label: 'Identifiant externe',
        description: 'Id of the tool in the collectivité’s own inventory.',
        inputHint: 'At most 100 characters.',
      }),
    },
  });

  @ObjectType('AiToolWithExternalId', { description: 'A copy of the tool model with one more field.' })
  class ToolCopy {}
  declareFields(ToolCopy, outputFields(withExternalId.fields));
  const ToolCopyInput = modelInputType(withExternalId, { name: 'AiToolWithExternalIdInput', description: 'Input.', patch: false, slugHint: 'Slug.' });
  const ToolCopyPatch = modelInputType(withExternalId, { name: 'AiToolWithExternalIdPatch', description: 'Patch.', patch: true, slugHint: 'Slug.' });

  @Resolver()
  class CopyResolver {
    @Query(() => ToolCopy, { nullable: true })
    tool(): null {
      return null;
    }

    @Mutation(() => ToolCopy, { nullable: true })
    create(@Arg('input', () => ToolCopyInput) _input: object, @Arg('patch', () => ToolCopyPatch) _patch: object): null {
      return null;
    }
  }

  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildTypeGraphQLSchema({ resolvers: [CopyResolver], validate: false });
  });

  it('stores it: a nullable text column', () => {
    const block = printPrismaModel(withExternalId, ENTITY_TEMPLATES.AiTool);
    expect(prismaColumn(block, 'inventoryId')).toBe('String?');
    expect(block).toMatch(/^ {2}inventoryId +String\?$/m);
  });

  it('validates it: plain text, at most 100 characters, null when absent or empty', () => {
    const schemaOf = recordSchema(withExternalId);
    expect(schemaOf.parse({ ...tool, inventoryId: ' INV-42\u202e ' }).inventoryId).toBe('INV-42');
    expect(schemaOf.parse(tool).inventoryId).toBeNull();
    expect(schemaOf.parse({ ...tool, inventoryId: '' }).inventoryId).toBeNull();
    const tooLong = schemaOf.safeParse({ ...tool, inventoryId: 'x'.repeat(101) });
    expect(tooLong.success ? [] : tooLong.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['inventoryId', 'at most 100 characters']]);
    // The real model does not know it: unknown fields are refused.
    expect(recordSchema(aiToolModel).safeParse({ ...tool, inventoryId: 'INV-42' }).success).toBe(false);
  });

  it('exposes it: nullable String in the output type, optional String in the input and the patch', () => {
    expect(fieldTypes(schema, 'AiToolWithExternalId').inventoryId).toBe('String');
    expect(fieldTypes(schema, 'AiToolWithExternalIdInput').inventoryId).toBe('String');
    expect(fieldTypes(schema, 'AiToolWithExternalIdPatch').inventoryId).toBe('String');
    expect(printSubgraphSchema(schema)).toContain('"""Id of the tool in the collectivité’s own inventory."""\n  inventoryId: String\n');
  });

  it('maps it between rows and records', () => {
    const rec = recordSchema(withExternalId).parse({ ...tool, inventoryId: 'INV-42' });
    const columns = columnsOf(withExternalId, rec);
    expect(columns.inventoryId).toBe('INV-42');
    expect(columns.startDate).toEqual(new Date('2024-01-15T00:00:00Z'));
    expect(recordOf(withExternalId, { ...columns, slug: rec.slug })).toEqual(rec);
  });
});

describe('every field of the real models reaches every derivation', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildRegistrySchema();
  });

  it('prisma/schema.prisma is the one generated from the models (run npm run generate)', () => {
    const committed = fs.readFileSync(PRISMA_SCHEMA, 'utf8');
    expect(replacePrismaModels(committed, ENTITY_MODELS)).toBe(committed);
  });

  it.each([
    ['AiTool', aiToolModel, tool],
    ['PracticeReport', practiceReportModel, report],
  ] as const)('%s', (name, model, sample) => {
    const fields = Object.entries(model.fields as f.Fields);
    const block = printPrismaModel(model);
    const output = fieldTypes(schema, name);
    const input = fieldTypes(schema, `${name}Input`);
    const patch = fieldTypes(schema, `${name}Patch`);
    const rec = recordSchema(model).parse(sample) as Record<string, unknown>;
    expect(Object.keys(rec).sort()).toEqual(['slug', ...fields.map(([n]) => n)].sort());
    expect(recordOf(model, { ...columnsOf(model, rec as never), slug: rec.slug as string })).toEqual(rec);
    for (const [field, def] of fields) {
      const column = prismaColumn(block, field);
      expect([field, column?.endsWith('?')]).toEqual([field, f.isNullable(def)]);
      if (f.isOutput(def)) {
        expect([field, output[field]?.endsWith('!')]).toEqual([field, !f.isNullable(def)]);
      } else {
        expect([field, output[field]]).toEqual([field, undefined]);
      }
      expect([field, input[field]?.endsWith('!')]).toEqual([field, f.isRequired(def)]);
      expect([field, patch[field]?.endsWith('!')]).toEqual([field, false]);
      // Input and output agree on the named type (ID is how an input names a product id).
      const named = (t: string) => t.replace(/[[\]!]/g, '').replace(/Input$/, '');
      if (f.isOutput(def)) expect([field, named(input[field])]).toEqual([field, named(output[field])]);
    }
  });

  it('keeps list items in step too', () => {
    expect(Object.keys(fieldTypes(schema, 'DataSourceInput'))).toEqual(['name', 'description', 'personalData']);
    expect(Object.keys(fieldTypes(schema, 'Indicator'))).toEqual(['name', 'value', 'unit']);
    const input = schema.getType('DataSourceInput');
    const personalData = isInputObjectType(input) ? input.getFields().personalData : undefined;
    // Unknown unless stated: no default that would read as "no personal data".
    expect(personalData?.defaultValue).toBeUndefined();
    expect(String(personalData?.type)).toBe('Boolean');
  });
});
