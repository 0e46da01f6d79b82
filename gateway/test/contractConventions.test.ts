import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, getNamedType, isEnumType, isInputObjectType, isListType, isNonNullType, isObjectType, Kind, parse, type GraphQLSchema } from 'graphql';
import { REPO_ROOT } from '../src/paths';
import {
  ENTITIES, FILTER_ARGUMENT, MUTATION_FIELDS, ORDER_ARGUMENT, ORDER_ENUM, OWNER_ARGUMENTS, PRUNING_FILTER_FIELDS, QUERY_FIELDS, SORT_ORDERS,
} from '../src/routing/contractConventions';

// The gateway routes by what the contract means (contractConventions.ts). A root field, an order
// or an entity the conventions do not declare would be routed or merged wrongly and silently, so
// the contract and the conventions must agree exactly, both ways.
const CONTRACT = path.join(REPO_ROOT, 'schema', 'registry.graphql');

function readContract(): string {
  if (!fs.existsSync(CONTRACT)) {
    throw new Error(`${path.relative(REPO_ROOT, CONTRACT)} is missing: it is the contract, committed and printed by \`npm run schema:print\`; the gateway's routing conventions are checked against it`);
  }
  return fs.readFileSync(CONTRACT, 'utf8');
}

/** Every disagreement between a contract SDL and the conventions, as readable sentences. */
function conventionGaps(sdl: string): string[] {
  const gaps: string[] = [];
  const schema = buildSchema(sdl);
  const both = (what: string, inContract: string[], declared: string[]) => {
    for (const n of inContract) if (!declared.includes(n)) gaps.push(`${what} ${n} is in the contract but not in contractConventions`);
    for (const n of declared) if (!inContract.includes(n)) gaps.push(`${what} ${n} is declared in contractConventions but not in the contract`);
  };
  both('Query field', Object.keys(schema.getQueryType()?.getFields() ?? {}), Object.keys(QUERY_FIELDS));
  both('Mutation field', Object.keys(schema.getMutationType()?.getFields() ?? {}), Object.keys(MUTATION_FIELDS));
  const order = schema.getType(ORDER_ENUM);
  both(`${ORDER_ENUM} value`, isEnumType(order) ? order.getValues().map((v) => v.name) : [], Object.keys(SORT_ORDERS));
  both('entity', Object.keys(keysOf(sdl)), Object.keys(ENTITIES));
  for (const [type, key] of Object.entries(keysOf(sdl))) {
    if (ENTITIES[type] && ENTITIES[type].key !== key) gaps.push(`entity ${type} has @key(fields: "${key}") but contractConventions says "${ENTITIES[type].key}"`);
  }
  gaps.push(...rootFieldGaps(schema), ...argumentGaps(schema));
  return gaps;
}

/** `@key` field sets of the object types of an SDL. */
function keysOf(sdl: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const def of parse(sdl).definitions) {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    const key = def.directives?.find((d) => d.name.value === 'key')?.arguments?.find((a) => a.name.value === 'fields')?.value;
    if (key?.kind === Kind.STRING) out[def.name.value] = key.value;
  }
  return out;
}

/** Declared routes that do not fit the fields' signatures. */
function rootFieldGaps(schema: GraphQLSchema): string[] {
  const gaps: string[] = [];
  const declared = [...Object.entries(QUERY_FIELDS).map(([n, r]) => ['Query', n, r] as const), ...Object.entries(MUTATION_FIELDS).map(([n, r]) => ['Mutation', n, r] as const)];
  for (const [root, name, route] of declared) {
    const field = (root === 'Query' ? schema.getQueryType() : schema.getMutationType())?.getFields()[name];
    if (!field) continue;
    if (route.route === 'owner') {
      const arg = field.args.find((a) => a.name === route.argument);
      if (!arg || !isNonNullType(arg.type) || !['String', 'ID'].includes(getNamedType(arg.type).name)) gaps.push(`${root}.${name} is routed by \`${route.argument}\`, which it does not take as a required String or ID`);
      if (!Object.hasOwn(OWNER_ARGUMENTS, route.argument)) gaps.push(`${root}.${name} is routed by \`${route.argument}\`, which OWNER_ARGUMENTS does not declare`);
    }
    if (route.route === 'merge') {
      const type = getNamedType(field.type);
      const connection = isObjectType(type) && Boolean(type.getFields().edges && type.getFields().pageInfo);
      const list = isListType(isNonNullType(field.type) ? field.type.ofType : field.type);
      if (route.shape === 'connection' ? !connection : !list) gaps.push(`${root}.${name} is declared a ${route.shape} but is not one`);
      const orderArg = field.args.find((a) => a.name === ORDER_ARGUMENT);
      if (orderArg && getNamedType(orderArg.type).name !== ORDER_ENUM) gaps.push(`${root}.${name} is ordered by ${getNamedType(orderArg.type).name}, not ${ORDER_ENUM}`);
    }
  }
  return gaps;
}

/** Owner arguments and pruning filter fields the contract does not have (or not with that type). */
function argumentGaps(schema: GraphQLSchema): string[] {
  const gaps: string[] = [];
  const rootFields = [...Object.values(schema.getQueryType()?.getFields() ?? {}), ...Object.values(schema.getMutationType()?.getFields() ?? {})];
  for (const name of Object.keys(OWNER_ARGUMENTS)) {
    if (!rootFields.some((f) => f.args.some((a) => a.name === name))) gaps.push(`owner argument \`${name}\` is declared but no root field of the contract takes it`);
  }
  const filterFields = Object.entries(QUERY_FIELDS)
    .filter(([, r]) => r.route === 'merge')
    .flatMap(([n]) => {
      const type = schema.getQueryType()?.getFields()[n]?.args.find((a) => a.name === FILTER_ARGUMENT)?.type;
      const named = type && getNamedType(type);
      return named && isInputObjectType(named) ? Object.values(named.getFields()) : [];
    });
  const expected = { sirens: '[String!]', departement: 'String', region: 'String', 'prefixed id': 'ID' } as const;
  for (const [name, kind] of Object.entries(PRUNING_FILTER_FIELDS)) {
    const found = filterFields.filter((f) => f.name === name);
    if (found.length === 0) gaps.push(`pruning filter field \`${name}\` is declared but no merged list's \`${FILTER_ARGUMENT}\` has it`);
    for (const f of found) if (String(f.type) !== expected[kind]) gaps.push(`filter field \`${name}\` is ${String(f.type)}, expected ${expected[kind]}`);
  }
  return gaps;
}

describe('contract conventions', () => {
  it('declare exactly the contract’s root fields, orders, entities, owner arguments and filter fields', () => {
    expect(conventionGaps(readContract())).toEqual([]);
  });

  it('give every order a direction: NAME ascending, RECENT descending', () => {
    expect(SORT_ORDERS).toEqual({ NAME: 'asc', RECENT: 'desc' });
  });

  describe('fail on a contract change the conventions do not know', () => {
    const contract = readContract();
    const changed = (from: string, to: string) => {
      expect(contract).toContain(from);
      return conventionGaps(contract.replace(from, to));
    };

    it('a new root query field', () => {
      expect(changed('type Query {', 'type Query {\n  statistics: Int')).toEqual(['Query field statistics is in the contract but not in contractConventions']);
    });

    it('a new mutation', () => {
      expect(changed('type Mutation {', 'type Mutation {\n  deleteAiTool(id: ID!): Boolean')).toEqual(['Mutation field deleteAiTool is in the contract but not in contractConventions']);
    });

    it('a new order', () => {
      expect(changed('enum AiToolOrder {', 'enum AiToolOrder {\n  OLDEST')).toEqual(['AiToolOrder value OLDEST is in the contract but not in contractConventions']);
    });

    it('a new entity', () => {
      expect(changed('type Provider {', 'type Provider @key(fields: "siren") {')).toEqual(['entity Provider is in the contract but not in contractConventions']);
    });

    it('a field, order or entity the contract no longer has', () => {
      expect(changed('  """One practice report by id."""\n  practiceReport(id: ID!): PracticeReport\n', '')).toEqual(['Query field practiceReport is declared in contractConventions but not in the contract']);
      expect(changed('  """Most recently updated first, then id."""\n  RECENT\n', '')).toEqual(['AiToolOrder value RECENT is declared in contractConventions but not in the contract']);
      expect(changed('type AiProduct @key(fields: "id") {', 'type AiProduct {')).toEqual(['entity AiProduct is declared in contractConventions but not in the contract']);
    });

    it('a changed key or owner argument', () => {
      expect(changed('type AiTool @key(fields: "id") {', 'type AiTool @key(fields: "slug") {')).toEqual(['entity AiTool has @key(fields: "slug") but contractConventions says "id"']);
      expect(changed('createPracticeReport(input: PracticeReportInput!, toolId: ID!)', 'createPracticeReport(input: PracticeReportInput!, tool: ID!)')).toEqual([
        'Mutation.createPracticeReport is routed by `toolId`, which it does not take as a required String or ID',
        'owner argument `toolId` is declared but no root field of the contract takes it',
      ]);
    });
  });
});
