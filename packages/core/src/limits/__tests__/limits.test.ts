import { buildSchema, parse, validate, type ValidationRule } from 'graphql';
import { costLimitRule } from '../costLimitRule';
import { depthLimitRule } from '../depthLimitRule';
import { formatClientError } from '../formatClientError';
import { DEFAULT_QUERY_LIMITS, queryLimits } from '../queryLimits';
import { widthLimitRule } from '../widthLimitRule';

const schema = buildSchema(`
  type Query { node: Node _entities(representations: [String!]!): [Node]! }
  type Node { id: ID! name: String child: Node children(first: Int): [Node!]! }
`);
const messages = (query: string, rules: ValidationRule[]) => validate(schema, parse(query), rules).map((e) => e.message);

/** Fragments F0..Fn, each spreading the previous one twice: 2^n expansions in n lines. */
function doubling(n: number): string {
  const fragments = ['fragment F0 on Node { id child { id } }'];
  for (let i = 1; i <= n; i++) fragments.push(`fragment F${i} on Node { child { ...F${i - 1} } ... on Node { ...F${i - 1} } }`);
  return `{ node { ...F${n} } } ${fragments.join(' ')}`;
}

describe('limit rules', () => {
  it('measure each fragment once: 2^40 expansions are counted, not walked', () => {
    const query = doubling(40);
    expect(messages(query, [depthLimitRule(12)])).toEqual([expect.stringMatching(/^The query is 43 levels deep; the limit is 12/)]);
    expect(messages(query, [widthLimitRule({ maxAliases: 30, maxFields: 500 })])).toEqual([expect.stringMatching(/^The query selects \d+ fields; the limit is 500/)]);
  });

  it('count aliases (not a field under its own name)', () => {
    const rule = widthLimitRule({ maxAliases: 2, maxFields: 500 });
    expect(messages(`{ a: node { id } b: node { id } node { id: id } }`, [rule])).toEqual([]);
    expect(messages(`{ a: node { id } b: node { id } c: node { id } }`, [rule])).toEqual(['The query has 3 aliases; the limit is 2. Send fewer fields under other names, or several queries.']);
  });

  it('cost `_entities` by the number of representations', () => {
    const query = `query($r: [String!]!) { _entities(representations: $r) { child { id } } }`;
    expect(messages(query, [costLimitRule(200, { r: Array(100).fill('x') }) as ValidationRule])).toEqual([]);
    expect(messages(query, [costLimitRule(200, { r: Array(101).fill('x') }) as ValidationRule])).toEqual([expect.stringMatching(/^The query costs 202; the limit is 200/)]);
  });
});

describe('queryLimits', () => {
  it('keeps the defaults of the options not given', () => {
    expect(queryLimits({ maxDepth: 3, maxCost: undefined })).toEqual({ ...DEFAULT_QUERY_LIMITS, maxDepth: 3 });
  });
});

describe('formatClientError', () => {
  it('gives the parser token limit QUERY_TOO_COMPLEX and a codeless 4xx a client code', () => {
    const tokens = formatClientError({ message: 'Syntax Error: Document contains more that 3000 tokens. Parsing aborted.', extensions: { code: 'GRAPHQL_PARSE_FAILED' } }, null);
    expect(tokens.extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', maxTokens: 3000 });
    const http = { extensions: { http: { status: 400 } } };
    expect(formatClientError({ message: 'provided sha does not match query', extensions: { code: 'INTERNAL_SERVER_ERROR' } }, http).extensions?.code).toBe('PERSISTED_QUERY_HASH_MISMATCH');
    expect(formatClientError({ message: 'other', extensions: { code: 'INTERNAL_SERVER_ERROR' } }, http).extensions?.code).toBe('BAD_REQUEST');
    expect(formatClientError({ message: 'bug', extensions: { code: 'INTERNAL_SERVER_ERROR' } }, new Error('bug')).extensions?.code).toBe('INTERNAL_SERVER_ERROR');
  });
});
