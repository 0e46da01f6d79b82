import { buildSchema, execute, parse, type GraphQLError, type GraphQLUnionType } from 'graphql';
import { checkStorableText } from '../unstorableText';
import { guardEntities } from '../guardEntities';

describe('checkStorableText', () => {
  const check = (query: string, variables?: Record<string, unknown>) => {
    try {
      checkStorableText(parse(query), variables);
      return null;
    } catch (err) {
      return err as GraphQLError;
    }
  };

  it.each([
    ['a literal argument', `{ aiTools(filter: { search: "a\\u0000b" }) { totalCount } }`, undefined, 'filter.search', 'U+0000, at 1'],
    ['a variable used in an input object', `query($s: String) { aiTools(filter: { search: $s }) { totalCount } }`, { s: 'outil\u0000' }, 'filter.search', 'U+0000, at 5'],
    ['an input object variable', `query($f: AiToolFilter) { aiTools(filter: $f) { totalCount } }`, { f: { sirens: ['200072460', 'x\u0000'] } }, 'filter.sirens', 'U+0000'],
    ['a lone surrogate', `query($id: ID!) { aiTool(id: $id) { id } }`, { id: 'a\ud800' }, 'id', 'U+D800'],
    ['a key of a JSON object', `query($rows: [JSONObject!]!) { importAiTools(rows: $rows) { rowCount } }`, { rows: [{ 'na\u0000me': 'x' }] }, 'rows.na\u0000me', 'U+0000'],
    ['an unused variable', `{ __typename }`, { x: { y: '\u0000' } }, 'variables.x.y', 'U+0000'],
  ])('refuses NUL or an unpaired surrogate in %s, naming the argument', (_what, query, variables, field, where) => {
    const error = check(query, variables);
    expect(error?.extensions).toEqual({ code: 'BAD_USER_INPUT', field, http: { status: 400 } });
    expect(error?.message).toContain(where);
  });

  it('accepts any other text: accents, emoji (paired surrogates), tabs, other control characters', () => {
    expect(check(`query($s: String) { a(s: $s, t: "é\\t🙂\\u0001") }`, { s: 'délibération\t🙂\u009b\u202e', n: [1, null, { a: true }] })).toBeNull();
  });

  it('walks variables nested far deeper than the stack allows recursion', () => {
    let deep: unknown = 'end\u0000';
    for (let i = 0; i < 200_000; i++) deep = { a: deep };
    const error = check(`query($v: JSONObject) { a(v: $v) }`, { v: deep });
    expect(error?.extensions?.field).toBe('v.a.a.a.….a.a.a');
  });
});

describe('guardEntities', () => {
  // What @apollo/subgraph builds, reduced: `_entities` resolves each representation by its __typename.
  const subgraph = buildSchema(`
    directive @key(fields: String!) repeatable on OBJECT
    scalar _Any
    union _Entity = Tool | Place
    type Tool @key(fields: "id") { id: ID! name: String }
    type Place @key(fields: "siren") @key(fields: "code region { id }") { siren: String code: String }
    type Query { _entities(representations: [_Any!]!): [_Entity]! }
  `);
  subgraph.getQueryType()!.getFields()._entities.resolve = (_source, { representations }: { representations: Array<Record<string, string>> }) =>
    representations.map((r) => (r.__typename === 'Tool' ? Promise.resolve({ ...r, name: `tool ${r.id}` }) : r));
  (subgraph.getType('_Entity') as GraphQLUnionType).resolveType = (value: { __typename: string }) => value.__typename;
  const schema = guardEntities(subgraph);
  const entities = async (representations: unknown[]) =>
    execute({
      schema,
      document: parse(`query($r: [_Any!]!) { _entities(representations: $r) { __typename ... on Tool { id name } ... on Place { siren code } } }`),
      variableValues: { r: representations },
    });

  it('resolves valid representations as before, in order', async () => {
    const result = await entities([{ __typename: 'Tool', id: '1' }, { __typename: 'Place', code: '62', region: { id: '32' } }, { __typename: 'Place', siren: '200072460' }]);
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities).toEqual([
      { __typename: 'Tool', id: '1', name: 'tool 1' },
      { __typename: 'Place', siren: null, code: '62' },
      { __typename: 'Place', siren: '200072460', code: null },
    ]);
  });

  it('refuses each representation it cannot resolve with BAD_USER_INPUT on that item, and keeps the others', async () => {
    const result = await entities([{ __typename: 'Nope', id: '1' }, { __typename: 'Tool' }, { __typename: 'Tool', id: '2' }, { __typename: 'Tool', id: { a: 1 } }, 'x', { __typename: 'Query' }, { id: '3' }]);
    expect(result.data!._entities).toEqual([null, null, { __typename: 'Tool', id: '2', name: 'tool 2' }, null, null, null, null]);
    expect(result.errors!.map((e) => [e.path, e.extensions.code])).toEqual([0, 1, 3, 4, 5, 6].map((i) => [['_entities', i], 'BAD_USER_INPUT']));
    expect(result.errors![0].message).toMatch(/__typename must name an entity type \(Tool, Place\)/);
    expect(result.errors![1].message).toMatch(/a key of Tool: id \(strings/);
  });
});
