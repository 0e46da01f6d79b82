import { compareSchemas } from '../compareSchemas';

const CONTRACT = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query {
    aiTools(filter: AiToolFilter, first: Int! = 20, after: String): AiToolConnection!
    registry(siren: String!): Registry
  }
  type Registry { siren: String! }
  type AiToolConnection { edges: [AiToolEdge!]! totalCount: Int! }
  type AiToolEdge { cursor: String! node: AiTool! }
  type AiTool @key(fields: "id") { id: ID! riskLevel: RiskLevel! themes: [Theme!]! }
  enum RiskLevel { MINIMAL HIGH }
  enum Theme { HEALTH }
  input AiToolFilter { sirens: [String!] search: String }
  union Entry = AiTool | Registry
  scalar DateTime
`;

describe('compareSchemas', () => {
  it('finds nothing when the candidate is the contract, or adds only what is allowed', () => {
    expect(compareSchemas(CONTRACT, CONTRACT)).toEqual([]);
    const extended = CONTRACT.replace('registry(siren: String!): Registry', 'registry(siren: String!): Registry\n extra(x: Int): Int')
      .replace('riskLevel: RiskLevel!', 'riskLevel: RiskLevel! name: String')
      .replace('enum RiskLevel { MINIMAL HIGH }', 'enum RiskLevel { MINIMAL HIGH LIMITED }')
      .replace('after: String)', 'after: String, lang: String = "fr", strict: Boolean)')
      .replace('search: String }', 'search: String region: String page: Int! = 1 }')
      .replace('union Entry = AiTool | Registry', 'union Entry = AiTool | Registry | AiToolEdge')
      .concat('\ntype Extra { x: Int }');
    expect(compareSchemas(CONTRACT, extended)).toEqual([]);
  });

  it('accepts a type split between a definition and extensions, and renamed root types', () => {
    const split = CONTRACT.replace(
      /type Query \{[^}]*\}/,
      'schema { query: Root } type Root { registry(siren: String!): Registry } extend type Root { aiTools(filter: AiToolFilter, first: Int! = 20, after: String): AiToolConnection! }',
    );
    expect(compareSchemas(CONTRACT, split)).toEqual([]);
  });

  it('lists every difference in readable form', () => {
    const candidate = CONTRACT.replace('riskLevel: RiskLevel!', 'riskLevel: String')
      .replace('themes: [Theme!]!', 'themes: [Theme]')
      .replace('enum RiskLevel { MINIMAL HIGH }', 'enum RiskLevel { MINIMAL }')
      .replace('first: Int! = 20', 'first: Int = 10, mandatory: Boolean!')
      .replace('search: String }', 'search: Int region: String! }')
      .replace('type Registry { siren: String! }', 'type Registry { name: String }')
      .replace('@key(fields: "id")', '')
      .replace('union Entry = AiTool | Registry', 'union Entry = AiTool')
      .replace('enum Theme { HEALTH }', 'input Theme { x: Int }')
      .replace('scalar DateTime', '');
    expect(compareSchemas(CONTRACT, candidate)).toEqual([
      'AiTool: @key(fields: "id") missing',
      'AiTool.riskLevel: type RiskLevel! expected, got String',
      'AiTool.themes: type [Theme!]! expected, got [Theme]',
      'AiToolFilter.search: type String expected, got Int',
      'AiToolFilter.region: new required input field of type String! (not in the contract; make it optional)',
      'DateTime: scalar missing',
      'Entry: union member Registry missing',
      'Query.aiTools(first:): type Int! expected, got Int',
      'Query.aiTools(first:): default value 20 expected, got 10',
      'Query.aiTools(mandatory:): new required argument of type Boolean! (not in the contract; make it optional)',
      'Registry.siren: field missing',
      'RiskLevel.HIGH: enum value missing',
      'Theme: enum expected, got input type',
    ]);
  });

  it('reports missing types, fields and arguments', () => {
    const candidate = CONTRACT.replace('registry(siren: String!): Registry', '')
      .replace('filter: AiToolFilter, ', '')
      .replace(/type AiToolEdge \{[^}]*\}/, '');
    expect(compareSchemas(CONTRACT, candidate)).toEqual([
      'AiToolEdge: object type missing',
      'Query.aiTools(filter:): argument missing',
      'Query.registry: field missing',
    ]);
  });

  it('turns an SDL that does not parse into a difference, and ignores federation internals', () => {
    expect(compareSchemas(CONTRACT, 'type {')).toEqual([expect.stringMatching(/^_service\.sdl: not valid GraphQL SDL/)]);
    const withInternals = `${CONTRACT}\n type _Service { sdl: String } extend type Query { _service: _Service! }`;
    expect(compareSchemas(withInternals, CONTRACT)).toEqual([]);
  });
});
