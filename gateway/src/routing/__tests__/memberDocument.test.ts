import { buildSchema, parse } from 'graphql';
import { analyseFetch } from '../analyseFetch';
import { checkFieldAnswer } from '../checkAnswer';
import { encodeCursor } from '@bibia/core';
import { memberQuery } from '../memberDocument';
import { mergeRootField } from '../mergeRootField';

const schema = buildSchema(`
  type Query {
    aiTools(filter: Filter, orderBy: Order! = NAME, first: Int! = 20, after: String): Conn!
    practiceReports(orderBy: Order! = RECENT, first: Int! = 20): Conn!
    aiTool(id: ID!): Tool
    themes: [String!]!
  }
  input Filter { sirens: [String!] departement: String }
  enum Order { NAME RECENT }
  type Conn { edges: [Edge!]! pageInfo: PageInfo! totalCount: Int! }
  type Edge { cursor: String! node: Tool! }
  type PageInfo { hasNextPage: Boolean! endCursor: String }
  type Tool { id: ID! name: String! }
`);

describe('analyseFetch', () => {
  it('reads root fields, arguments with variable and schema defaults, and directives', () => {
    const doc = parse(`query Q($f: Filter, $n: Int! = 3, $skip: Boolean!) {
      tools: aiTools(filter: $f, first: $n) { edges { node { id } } }
      practiceReports { totalCount }
      aiTool(id: "216200410:x") @skip(if: $skip) { id }
      themes
    }`);
    const a = analyseFetch(doc, { f: { departement: '62' }, skip: true }, schema);
    expect(a.kind).toBe('query');
    expect(a.rootFields.map((f) => [f.key, f.name, f.kind])).toEqual([
      ['tools', 'aiTools', 'connection'],
      ['practiceReports', 'practiceReports', 'connection'],
      ['themes', 'themes', 'list'],
    ]);
    expect(a.rootFields[0].args).toEqual({ filter: { departement: '62' }, orderBy: 'NAME', first: 3 });
    expect(a.rootFields[0].direction).toBe('asc');
    // The schema's default order of practice reports is RECENT: newest first.
    expect(a.rootFields[1].direction).toBe('desc');
    expect(a.rootFields[1].first).toBe(20);
  });
});

describe('memberQuery', () => {
  it('keeps the member’s fields, adds the page fields under __bibia_ aliases, drops unused variables and fragments', () => {
    const doc = parse(`query Q($f: Filter, $id: ID!) {
      aiTools(filter: $f) { edges { node { ...T } } }
      aiTool(id: $id) { ...U }
    }
    fragment T on Tool { id }
    fragment U on Tool { name }`);
    const a = analyseFetch(doc, { id: '1:x' }, schema);
    const q = memberQuery(doc, a, [a.rootFields[0]]);
    expect(q.variableNames).toEqual(['f']);
    expect(q.query).toBe(
      'query Q($f:Filter){aiTools(filter:$f){edges{node{...T}}__bibia_edges:edges{__bibia_cursor:cursor}__bibia_pageInfo:pageInfo{hasNextPage endCursor}__bibia_totalCount:totalCount}}fragment T on Tool{id}',
    );
    expect(memberQuery(doc, a, [a.rootFields[1]]).query).toBe('query Q($id:ID!){aiTool(id:$id){...U}}fragment U on Tool{name}');
    // Cached per document and field set.
    expect(memberQuery(doc, a, [a.rootFields[0]])).toBe(q);
  });
});

describe('mergeRootField', () => {
  const doc = parse(`{ aiTools(first: 2) { total: totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } themes }`);
  const a = analyseFetch(doc, {}, schema);
  const [conn, themes] = a.rootFields;
  const page = (ids: Array<[string, string]>, hasNextPage: boolean, totalCount: number) => ({
    total: totalCount,
    pageInfo: { hasNextPage, endCursor: null },
    edges: ids.map(([, id]) => ({ node: { id } })),
    __bibia_edges: ids.map((k) => ({ __bibia_cursor: encodeCursor(k) })),
    __bibia_pageInfo: { hasNextPage, endCursor: null },
    __bibia_totalCount: totalCount,
  });

  it('merges connections by cursor and strips the gateway’s aliases', () => {
    const answers = [{ value: page([['b', '1:b']], false, 1) }, { value: page([['a', '2:a'], ['c', '2:c']], true, 5) }];
    for (const ans of answers) expect(checkFieldAnswer(conn, { aiTools: ans.value }, a.fragments, false)).toBeNull();
    const merged = mergeRootField(conn, answers, a.fragments);
    expect(merged.value).toEqual({
      total: 6,
      pageInfo: { hasNextPage: true, endCursor: encodeCursor(['b', '1:b']) },
      edges: [{ node: { id: '2:a' } }, { node: { id: '1:b' } }],
    });
    expect(merged.edgeIndex!(1, 0)).toBe(0);
    expect(merged.edgeIndex!(0, 0)).toBe(1);
    expect(merged.edgeIndex!(1, 1)).toBeUndefined();
  });

  it('gives an empty connection when no member answered, and concatenates lists', () => {
    expect(mergeRootField(conn, [], a.fragments).value).toEqual({ total: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] });
    expect(mergeRootField(themes, [{ value: ['x'] }, { value: null }, { value: ['y'] }], a.fragments).value).toEqual(['x', 'y']);
  });

  it('refuses pages without cursors or with a wrong shape', () => {
    const bad = { ...page([['a', '2:a']], false, 1), __bibia_edges: [{ __bibia_cursor: 'garbage' }] };
    expect(checkFieldAnswer(conn, { aiTools: bad }, a.fragments, false)).toMatch(/cursor/);
    expect(checkFieldAnswer(conn, { aiTools: 'nope' }, a.fragments, false)).toMatch(/not an object/);
    expect(checkFieldAnswer(conn, {}, a.fragments, false)).toMatch(/no "aiTools"/);
    expect(checkFieldAnswer(conn, {}, a.fragments, true)).toBeNull();
    expect(checkFieldAnswer(themes, { themes: 3 }, a.fragments, false)).toMatch(/not a list/);
  });
});
