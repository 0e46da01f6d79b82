import { ApolloServer } from '@apollo/server';
import { buildSchema, parse, validate, type ValidationRule } from 'graphql';
import { readCostDirectives, schemaCostDirectives } from '../costDirectives';
import { costLimitRule, DEFAULT_LIST_SIZE, queryCost } from '../costLimitRule';
import { queryLimits } from '../queryLimits';
import { queryLimitsPlugin } from '../queryLimitsPlugin';

/** A schema as `buildSubgraphSchema` builds one (its AST kept), linking federation 2.9's cost directives. */
function subgraphSchema(typeDefs: string) {
  return buildSchema(`
    schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@cost", "@listSize"]) { query: Query }
    scalar link__Import
    directive @link(url: String, as: String, import: [link__Import]) repeatable on SCHEMA
    directive @cost(weight: Int!) on ARGUMENT_DEFINITION | ENUM | FIELD_DEFINITION | INPUT_FIELD_DEFINITION | OBJECT | SCALAR
    directive @listSize(assumedSize: Int, slicingArguments: [String!], sizedFields: [String!], requireOneSlicingArgument: Boolean = true) on FIELD_DEFINITION
    ${typeDefs}
  `);
}

const COST_LINK = 'extend schema @link(url: "https://specs.apollo.dev/cost/v0.1", import: ["@cost", "@listSize"])';
const TYPES = `
  type Query {
    shelves: [Shelf] @listSize(assumedSize: 3)
    books(first: Int, last: Int, page: Page): [Book] @listSize(slicingArguments: ["first", "last", "page.size"], assumedSize: 4)
    legacy(first: Int): [Book]
    plain: [Book]
    heavy: Book @cost(weight: 7)
    catalog(first: Int = 20): BookConnection @listSize(slicingArguments: ["first"], sizedFields: ["edges", "nodes"])
  }
  input Page { size: Int }
  type Shelf { books: [Book] @listSize(assumedSize: 2) }
  type Book @cost(weight: 5) { id: ID! title: String }
  type BookConnection { total: Int edges: [BookEdge] nodes: [Book] }
  type BookEdge { node: Book }
`;
// The schema the directives are read from; the estimate runs on a schema that lost them (an API schema).
const SDL = `${COST_LINK}\n${TYPES}`;
const schema = buildSchema(`${TYPES.replace(/ @(listSize|cost)\([^)]*\)/g, '')}`);
const directives = readCostDirectives(SDL);
const cost = (query: string, variables?: Record<string, unknown>, withDirectives = true) =>
  queryCost(schema, parse(query), { variables, directives: withDirectives ? directives : undefined });

describe('readCostDirectives', () => {
  it('reads @listSize and @cost of fields and types from a linked cost spec', () => {
    expect(directives.get('Query.shelves')).toEqual({ assumedSize: 3 });
    expect(directives.get('Query.books')).toEqual({ assumedSize: 4, slicingArguments: ['first', 'last', 'page.size'] });
    expect(directives.get('Query.heavy')).toEqual({ weight: 7 });
    expect(directives.get('Book')).toEqual({ weight: 5 });
    expect(directives.get('Query.catalog')).toEqual({ slicingArguments: ['first'], sizedFields: ['edges', 'nodes'] });
    expect(directives.get('BookConnection.nodes')).toEqual({ sizedByParent: true });
    expect(directives.has('Query.legacy')).toBe(false);
  });

  it('ignores @cost and @listSize when no spec defining them is linked', () => {
    expect(readCostDirectives(TYPES).size).toBe(0);
    expect(readCostDirectives(`extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])\n${TYPES}`).size).toBe(0);
  });

  it('follows renamed imports, namespaced names and federation ≥ 2.9 imports', () => {
    const renamed = readCostDirectives(`
      extend schema @link(url: "https://specs.apollo.dev/cost/v0.1", as: "demand", import: [{ name: "@listSize", as: "@size" }])
      type Query { a: [Int] @size(assumedSize: 2) b: [Int] @demand__listSize(assumedSize: 3) c: Int @demand__cost(weight: 4) d: [Int] @listSize(assumedSize: 9) }
    `);
    expect(Object.fromEntries(renamed)).toEqual({ 'Query.a': { assumedSize: 2 }, 'Query.b': { assumedSize: 3 }, 'Query.c': { weight: 4 } });
    const federation = readCostDirectives(`
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@listSize"])
      type Query { a: [Int] @listSize(assumedSize: 2) b: [Int] @federation__listSize(assumedSize: 3) c: Int @cost(weight: 4) }
    `);
    expect(Object.fromEntries(federation)).toEqual({ 'Query.a': { assumedSize: 2 }, 'Query.b': { assumedSize: 3 } });
  });

  it('reads a built schema from its own AST (as buildSubgraphSchema keeps it)', () => {
    const subgraph = subgraphSchema(`
      type Query { users: [User] @listSize(assumedSize: 6) }
      type User @cost(weight: 2) { id: ID! }
    `);
    expect(schemaCostDirectives(subgraph).get('Query.users')).toEqual({ assumedSize: 6 });
    expect(schemaCostDirectives(subgraph).get('User')).toEqual({ weight: 2 });
    expect(schemaCostDirectives(subgraph)).toBe(schemaCostDirectives(subgraph));
  });
});

describe('the cost model with directives', () => {
  it('keeps today\'s model for fields without directives', () => {
    expect(cost('{ plain { id } }')).toBe(DEFAULT_LIST_SIZE * 5);
    expect(cost('{ plain { id } }', undefined, false)).toBe(DEFAULT_LIST_SIZE * 1);
    expect(cost('{ legacy(first: 3) { id } }', undefined, false)).toBe(1 + 3 * 0);
  });

  it('sizes a list by its assumedSize instead of the default, nested lists multiplied', () => {
    // 3 shelves × (1 + 2 books × 5).
    expect(cost('{ shelves { books { id } } }')).toBe(3 * (1 + 2 * 5));
    expect(cost('{ shelves { books { id } } }', undefined, false)).toBe(10 * (1 + 10 * 1));
  });

  it('sizes a list by the largest slicing argument given, else its assumedSize', () => {
    expect(cost('{ books(first: 2) { id } }')).toBe(2 * 5);
    expect(cost('query($n: Int) { books(first: 2, last: $n) { id } }', { n: 7 })).toBe(7 * 5);
    expect(cost('{ books(page: { size: 9 }) { id } }')).toBe(9 * 5);
    expect(cost('{ books { id } }')).toBe(4 * 5);
  });

  it('sizes a connection\'s sizedFields by its slicing argument (default value included), once', () => {
    // 1 (connection) + 20 × (edges: 1 + node 5, nodes: 5)
    expect(cost('{ catalog { total edges { node { id } } nodes { id } } }')).toBe(1 + 20 * (1 + 5 + 5));
    expect(cost('{ catalog(first: 2) { nodes { id } } }')).toBe(1 + 2 * 5);
  });

  it('weighs a field by its @cost', () => {
    expect(cost('{ heavy { id } }')).toBe(7);
  });

  it('refuses with the cost and the limit', () => {
    const rule = (max: number) => costLimitRule(max, {}, undefined, directives) as ValidationRule;
    expect(validate(schema, parse('{ shelves { books { id } } }'), [rule(33)])).toEqual([]);
    expect(validate(schema, parse('{ shelves { books { id } } }'), [rule(32)]).map((e) => [e.message, e.extensions])).toEqual([
      [expect.stringMatching(/^The query costs 33; the limit is 32/), expect.objectContaining({ code: 'QUERY_TOO_COMPLEX', cost: 33, maxCost: 32 })],
    ]);
  });
});

describe('queryLimitsPlugin with cost directives', () => {
  const typeDefs = `
    type Query { items: [Item] @listSize(assumedSize: 2) }
    type Item { id: ID! children: [Item] }
  `;
  const run = async (server: ApolloServer) => {
    await server.start();
    try {
      const res = await server.executeOperation({ query: '{ items { children { id } } }' });
      return res.body.kind === 'single' ? res.body.singleResult : undefined;
    } finally {
      await server.stop();
    }
  };

  it('reads a subgraph\'s own SDL by default: 2 × (1 + 10) = 22 fits a limit of 25', async () => {
    const result = await run(new ApolloServer({ schema: subgraphSchema(typeDefs), plugins: [queryLimitsPlugin(queryLimits({ maxCost: 25 }))] }));
    expect(result?.errors).toBeUndefined();
  });

  it('takes the directives it is given instead (none: 10 × 11 = 110)', async () => {
    const result = await run(new ApolloServer({ schema: subgraphSchema(typeDefs), plugins: [queryLimitsPlugin(queryLimits({ maxCost: 25 }), { costDirectives: () => undefined })] }));
    expect(result?.errors?.[0]).toMatchObject({ message: expect.stringMatching(/^The query costs 110; the limit is 25/), extensions: { cost: 110, maxCost: 25 } });
  });
});
