import crypto from 'node:crypto';
import fc from 'fast-check';
import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isSpecifiedScalarType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { postJson, type FuzzRequest } from './requests';
import { validDocument, type FuzzDocument } from './validDocuments';
import { unbiasedInt, type Gen } from './values';

/** Options of {@link invalidRequestArbitrary}. */
export interface InvalidRequestOptions {
  /** The server's largest accepted body: some requests go just over it. */
  maxBodyBytes: number;
}

type Field = GraphQLField<unknown, unknown>;

/**
 * Random requests a server must refuse with a clear client error (never a 5xx nor an internal
 * error): syntax errors, unknown fields and arguments, wrong types, missing arguments, invalid
 * variables, bad `operationName`, several anonymous operations, subscriptions, documents over the
 * depth / alias / token / cost limits, fragment cycles, wrong APQ extensions, GET and other
 * methods, wrong content types, bodies that are not JSON or not a GraphQL request, oversized
 * bodies. Many start from a valid document, so that they look like real traffic.
 */
export function invalidRequestArbitrary(schema: GraphQLSchema, options: InvalidRequestOptions): fc.Arbitrary<FuzzRequest> {
  return fc.gen().map((g) => {
    const k = new Kit(g, schema, options);
    return k.pick(MAKERS)(k);
  });
}

class Kit {
  constructor(
    readonly g: Gen,
    readonly schema: GraphQLSchema,
    readonly options: InvalidRequestOptions,
  ) {}

  doc(): FuzzDocument {
    return validDocument(this.g, this.schema);
  }
  int(min: number, max: number): number {
    return this.g(unbiasedInt, min, max);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)];
  }
  text(maxLength = 12): string {
    return this.g(fc.string, { unit: 'binary', maxLength });
  }
  rootFields(predicate: (f: Field) => boolean = () => true): Field[] {
    return Object.values(this.schema.getQueryType()!.getFields()).filter(predicate);
  }
  /** `name(args) { __typename }` (or without a selection for a leaf). */
  call(field: Field, args: string[]): string {
    const selection = isCompositeType(getNamedType(field.type)) ? ' { __typename }' : '';
    return `${field.name}${args.length ? `(${args.join(', ')})` : ''}${selection}`;
  }
  /** A literal of the wrong kind for an argument of `type`. */
  wrongLiteral(type: Field['args'][number]['type']): string {
    const inner = getNamedType(type);
    if (isListType(getNullableType(type)) && this.int(0, 1)) return '{ a: 1 }';
    if (isInputObjectType(inner)) return this.pick(['"x"', '1', '{ nope: 1 }', '[{ nope: 1 }]', 'true']);
    if (isEnumType(inner)) return this.pick(['"NAME"', 'NOPE', '1', 'null_', 'name']);
    if (inner.name === 'Int') return this.pick(['"1"', '1.5', '99999999999', '-99999999999', 'true', 'ONE', '[1]', '{ a: 1 }']);
    if (inner.name === 'Boolean') return this.pick(['"true"', '1', 'TRUE', '[true]']);
    // (An ID accepts an int literal.)
    return this.pick([...(inner.name === 'ID' ? [] : ['1']), '1.5', 'true', 'ABC', '[1]', '{ a: "b" }', '["a", 1]']);
  }
  private readonly reach = new Map<string, boolean>();
  /** Whether a chain of `levels` more object fields (without required arguments) starts at `type`. */
  reaches(type: GraphQLNamedType, levels: number): boolean {
    if (levels <= 0) return true;
    if (!isObjectType(type) && !isInterfaceType(type)) return false;
    const key = `${type.name}/${levels}`;
    if (!this.reach.has(key)) {
      this.reach.set(key, false); // a cycle being explored does not count yet
      this.reach.set(key, Object.values(type.getFields()).some((f) => requiredArgs(f).length === 0 && this.reaches(getNamedType(f.type), levels - 1)));
    }
    return this.reach.get(key)!;
  }

  /** A chain of object fields `depth` levels deep, without required arguments (`first` given when asked). */
  deepSelection(depth: number, first?: number): string {
    let type: GraphQLNamedType = this.schema.getQueryType()!;
    const path: string[] = [];
    while (path.length < depth && (isObjectType(type) || isInterfaceType(type))) {
      const next: Field[] = Object.values(type.getFields()).filter((f) => isCompositeType(getNamedType(f.type)) && requiredArgs(f).length === 0);
      if (!next.length) break;
      // Fields from which the chain can go on as deep as asked first (there are cycles in the schema).
      const remaining = depth - path.length - 1;
      const onward: Field[] = next.filter((f) => this.reaches(getNamedType(f.type), remaining));
      const field: Field = this.pick(onward.length ? onward : next);
      path.push(`${field.name}${first && field.args.some((a) => a.name === 'first') ? `(first: ${first})` : ''}`);
      type = getNamedType(field.type);
    }
    return `{ ${path.join(' { ')} { __typename }${' }'.repeat(Math.max(0, path.length - 1))} }`;
  }
}

/** Kinds of request no server may run, whatever the random parts: each must get an HTTP 4xx. */
export const ALWAYS_REFUSED = new Set(['unknown argument', 'missing argument', 'wrong type', 'subscription', 'several operations', 'too deep', 'fragment cycle', 'fragment fan-out', 'many tokens', 'body over the limit', 'other method', 'deep introspection']);

function requiredArgs(field: Field) {
  return field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
}

const body = (payload: unknown) => JSON.stringify(payload);

/** Each maker builds one kind of invalid request. */
const MAKERS: ReadonlyArray<(k: Kit) => FuzzRequest> = [
  function syntax(k) {
    const { query, variables } = k.doc();
    const at = k.int(0, query.length);
    const broken = k.pick([
      () => query.slice(0, at),
      () => query.slice(0, at) + k.pick(['{', '}', '(', ')', '[', ']', ':', '$', '@', '!', '"', '"""', '#', '...', '=', '|', '&', '\u0000', '\u202e', '\ufeff']) + query.slice(at),
      () => query.slice(0, at) + query.slice(at + 1),
      () => query.replace(/}(?=[^}]*$)/, ''),
      () => query.replace('{', '{{'),
      () => `${query} ${k.text()}`,
      () => k.text(40),
    ])();
    return postJson('syntax', { query: broken, variables });
  },
  function unknownField(k) {
    const { query, variables } = k.doc();
    const name = k.pick(['nope', 'password', '__proto__', 'constructor', '_entities', '_service', `f${k.int(0, 9999)}`]);
    return postJson('unknown field', { query: query.replace(/{ /, `{ ${name} `), variables });
  },
  function unknownArgument(k) {
    const field = k.pick(k.rootFields());
    const args = requiredArgs(field).map((a) => `${a.name}: null`);
    args.push(`${k.pick(['nope', 'limit', 'offset', 'where', '__proto__'])}: ${k.pick(['1', '"x"', 'null', '{ a: 1 }'])}`);
    return postJson('unknown argument', { query: `{ ${k.call(field, args)} }` });
  },
  function wrongType(k) {
    // Not custom scalars: JSONObject and _Any take any object literal.
    const checked = (a: Field['args'][number]) => !isScalarType(getNamedType(a.type)) || isSpecifiedScalarType(getNamedType(a.type));
    const field = k.pick(k.rootFields((f) => f.args.some(checked)));
    const target = k.pick(field.args.filter(checked));
    const args = field.args.filter((a) => a !== target && isNonNullType(a.type) && a.defaultValue === undefined).map((a) => `${a.name}: ${a.name === 'since' ? '"2000-01-01T00:00:00Z"' : '"x"'}`);
    args.push(`${target.name}: ${k.wrongLiteral(target.type)}`);
    return postJson('wrong type', { query: `{ ${k.call(field, args)} }` });
  },
  function missingArgument(k) {
    const withRequired = k.rootFields((f) => requiredArgs(f).length > 0);
    const field = k.pick(withRequired);
    const args = requiredArgs(field).slice(1).map((a) => `${a.name}: "x"`);
    return postJson('missing argument', { query: `{ ${k.call(field, args)} }` });
  },
  function invalidVariables(k) {
    const field = k.pick(k.rootFields((f) => f.args.some((a) => getNamedType(a.type).name === 'Int')));
    const intArg = field.args.find((a) => getNamedType(a.type).name === 'Int')!;
    const others = requiredArgs(field).filter((a) => a !== intArg);
    const query = `query Q($n: Int!${others.map((a) => `, $${a.name}: ${String(a.type)}`).join('')}) { ${k.call(field, [`${intArg.name}: $n`, ...others.map((a) => `${a.name}: $${a.name}`)])} }`;
    const variables = k.pick<unknown>([
      'x',
      [],
      42,
      null,
      { n: 'x' },
      { n: 1.5 },
      { n: 2 ** 40 },
      { n: null },
      {},
      { n: { a: 1 } },
      { n: [1] },
      { n: 1, since: 'not a date', siren: { a: 1 }, id: [1] },
      { n: 1, extra: 'x'.repeat(k.int(0, 5000)) },
      { n: 1, filter: { nope: 1 } },
    ]);
    const variant = k.int(0, 3);
    if (variant === 0) return postJson('invalid variables', { query: `{ ${k.call(field, [`${intArg.name}: $undeclared`])} }`, variables });
    if (variant === 1) return postJson('invalid variables', { query: `query Q($n: String) { ${k.call(field, [`${intArg.name}: $n`])} }`, variables: { n: '1' } });
    return postJson('invalid variables', { query, variables });
  },
  function badOperationName(k) {
    const { query, variables } = k.doc();
    const operationName = k.pick<unknown>(['Nope', '', ' ', 'query', 'Fuzz1', 'Other', 1, {}, ['Fuzz1'], true, 'x'.repeat(2000), '\u0000']);
    return postJson('bad operationName', { query, variables, operationName });
  },
  function severalAnonymous(k) {
    const { query } = k.doc();
    const second = k.pick(['{ __typename }', 'query { __typename }', 'query A { __typename }', 'mutation { __typename }']);
    return postJson('several operations', { query: k.int(0, 1) ? `${query}\n${second}\n${second}` : `{ __typename }\n${query}`, operationName: k.pick([undefined, null, 'A']) });
  },
  function subscription(k) {
    const field = k.pick(k.rootFields());
    return postJson('subscription', { query: k.pick([`subscription { ${k.call(field, requiredArgs(field).map((a) => `${a.name}: "x"`))} }`, 'subscription S { __typename }', 'subscription { nope }']) });
  },
  function tooDeep(k) {
    return postJson('too deep', { query: k.deepSelection(k.int(14, 60)) });
  },
  function costly(k) {
    return postJson('costly', { query: k.deepSelection(k.int(4, 10), 100) });
  },
  function fragmentCycle(k) {
    const field = k.pick(k.rootFields((f) => isCompositeType(getNamedType(f.type)) && requiredArgs(f).length === 0));
    const type = getNamedType(field.type).name;
    const query = k.pick([
      `{ ${field.name} { ...A } } fragment A on ${type} { ...B } fragment B on ${type} { ...A }`,
      `{ ${field.name} { ...A } } fragment A on ${type} { __typename ...A }`,
      `{ ${field.name} { ...A ...A ...A } } fragment A on ${type} { ...B ...B ...B } fragment B on ${type} { ...C ...C ...C } fragment C on ${type} { __typename ...A }`,
    ]);
    return postJson('fragment cycle', { query });
  },
  function fragmentFanOut(k) {
    // Fragments spread in fragments: small text, exponentially many fields once expanded.
    const levels = k.int(9, 25);
    const fragments = Array.from({ length: levels }, (_, i) => `fragment L${i} on Query { ${i + 1 < levels ? `...L${i + 1} ...L${i + 1} a${i}: __typename` : '__typename'} }`);
    return postJson('fragment fan-out', { query: `{ ...L0 }\n${fragments.join('\n')}` });
  },
  function manyAliases(k) {
    const n = k.int(31, 600);
    const field = k.pick(['__typename', 'aiTools(first: 1) { totalCount }', 'aiTools(first: 100) { edges { node { id } } }', 'registry(siren: "200072460") { __typename }']);
    const available = k.rootFields().map((f) => f.name);
    const usable = available.includes(field.split('(')[0]) || field === '__typename' ? field : '__typename';
    return postJson('many aliases', { query: `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${usable}`).join(' ')} }` });
  },
  function manyTokens(k) {
    const n = k.int(3001, 12_000);
    return postJson('many tokens', { query: k.pick([`{ ${'__typename '.repeat(n)}}`, `{ __typename(${Array.from({ length: n / 3 }, (_, i) => `a${i}: 1`).join(' ')}) }`, `query(${Array.from({ length: n / 3 }, (_, i) => `$v${i}: Int`).join(' ')}) { __typename }`]) });
  },
  function deepIntrospection(k) {
    const depth = k.int(3, 12);
    return postJson('deep introspection', { query: `{ __schema { types { ${'fields { type { ofType { '.repeat(depth)}name${' } } }'.repeat(depth)} } } }` });
  },
  function badDirective(k) {
    const { query, variables } = k.doc();
    const directive = k.pick(['@nope', '@include', '@skip(if: "yes")', '@include(if: true) @include(if: false)', '@deprecated', '@key(fields: "id")', '@include(if: $undeclared)', '@defer', '@stream']);
    return postJson('bad directive', { query: query.replace(/(\w)( {|\s*$)/, `$1 ${directive}$2`), variables });
  },
  function persistedQuery(k) {
    const { query, variables } = k.doc();
    const real = crypto.createHash('sha256').update(query).digest('hex');
    const hash = k.pick<unknown>([crypto.randomBytes(32).toString('hex'), real.toUpperCase(), real.slice(1), '', 42, null, { a: 1 }, 'x'.repeat(3000), `${real}\u0000`]);
    const persistedQuery = k.pick<unknown>([{ version: 1, sha256Hash: hash }, { version: 2, sha256Hash: real }, { version: '1', sha256Hash: hash }, { sha256Hash: hash }, 'x', [], null]);
    const withQuery = k.int(0, 2) > 0;
    return postJson('persisted query', { ...(withQuery ? { query } : {}), variables, extensions: k.int(0, 9) ? { persistedQuery } : k.pick<unknown>(['x', [], 1]) });
  },
  function getRequest(k) {
    const { query, variables } = k.doc();
    const params = new URLSearchParams();
    const variant = k.int(0, 5);
    if (variant !== 0) params.set('query', variant === 1 ? 'mutation { __typename }' : query);
    if (variables || variant === 2) params.set('variables', variant === 2 ? '{not json' : JSON.stringify(variables));
    if (variant === 3) params.set('extensions', k.pick(['{', '{"persistedQuery":{"version":1,"sha256Hash":"00"}}', '[]']));
    if (variant === 4) params.set('operationName', 'Nope');
    const headers = k.pick<Record<string, string>>([{}, { 'apollo-require-preflight': 'true' }, { 'content-type': 'application/json' }, { 'x-apollo-operation-name': 'x' }]);
    return { kind: 'GET', method: 'GET', headers, search: `?${params}` };
  },
  function otherMethod(k) {
    const { query } = k.doc();
    const method = k.pick(['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD']);
    return { kind: 'other method', method, headers: { 'content-type': 'application/json' }, body: method === 'HEAD' ? undefined : body({ query }) };
  },
  function wrongContentType(k) {
    const { query, variables } = k.doc();
    const contentType = k.pick([undefined, 'text/plain', 'text/plain; charset=utf-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/graphql', 'application/json; charset=latin1', 'application/json; charset=utf-16', 'application/graphql-response+json', 'application/xml', '*/*', '']);
    const headers: Record<string, string> = contentType === undefined ? {} : { 'content-type': contentType };
    return { kind: 'content type', method: 'POST', headers, body: Buffer.from(k.int(0, 1) ? body({ query, variables }) : query) };
  },
  function notGraphQLJson(k) {
    const { query } = k.doc();
    const payload = k.pick<() => string | Buffer>([
      () => k.text(200),
      () => body({ query }).slice(0, k.int(0, query.length)),
      () => 'null',
      () => '[]',
      () => body([{ query }, { query }]),
      () => '"{ __typename }"',
      () => '123',
      () => '{}',
      () => body({ query: 1 }),
      () => body({ query: null }),
      () => body({ query: [query] }),
      () => body({ query: {} }),
      () => body({ query, variables: 'x' }),
      () => body({ query, variables: [] }),
      () => body({ query, extensions: 'x' }),
      () => body({ query: '' }),
      () => body({ query: '   ' }),
      () => body({ __proto__: { query: 1 }, query }),
      () => `{"query": ${body(query)}, "query": 1}`,
      () => `\ufeff${body({ query })}`,
      () => Buffer.concat([Buffer.from('{"query": "{ __typename } #'), Buffer.from([0xff, 0xfe, 0xc3, 0x28]), Buffer.from('"}')]),
      () => `${'['.repeat(k.int(1000, 100_000))}${']'.repeat(k.int(0, 10))}`,
      () => body({ query, variables: nested(k.int(100, 3000)) }),
    ])();
    return { kind: 'not a GraphQL request', method: 'POST', headers: { 'content-type': 'application/json' }, body: Buffer.from(payload) };
  },
  function hugeBody(k) {
    // Just over the limit, or a large body under it (a giant string argument); a few of each,
    // since each costs the limit in bytes to build and send.
    const over = k.int(0, 2) === 0;
    const size = over ? k.options.maxBodyBytes + k.int(1, 4096) : Math.min(k.options.maxBodyBytes - 1024, k.int(100_000, 600_000));
    const filler = 'é'.repeat(Math.floor(size / 2));
    return postJson(over ? 'body over the limit' : 'large body', { query: `query($s: String) { __typename }`, variables: { s: filler } });
  },
  function badHeaders(k) {
    const { query, variables } = k.doc();
    const authorization = k.pick(['Bearer', 'Bearer ', 'Basic YTpi', `Bearer ${'x'.repeat(k.int(1, 8000))}`, 'Bearer bibia_pub_200072460_nope', 'Bearer bibia_pub_000000000_x', 'bearer a b c', `Bearer ${encodeURIComponent('\u202e')}`]);
    return postJson('bad credentials', { query, variables }, { authorization, ...(k.int(0, 1) ? { 'x-forwarded-for': k.pick(['1.2.3.4', 'nope', '::1, 10.0.0.1']) } : {}) });
  },
];

/** JSON nested `depth` levels deep: `{"a":{"a":…}}`. */
function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}
