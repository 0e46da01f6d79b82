import fs from 'node:fs';
import { NO_RATE_LIMITS } from '@bibia/core';
import { ConfigError, DEFAULT_CONFIG, loadConfig, parseFlags } from '../src/config';
import { RouterEngine, routerEngineUnavailable } from '../src/engine/RouterEngine';
import { createGateway, type RunningGateway } from '../src/index';
import { memberOptions, SIRENS } from './fixtures/fixtureData';
import { ADMIN_TOKEN, DIRECTORY_SDL } from './fixtures/fixtureDirectory';
import { fixtureToken } from './fixtures/fixtureMember';
import { composeOrThrow, gql, removeSupergraph, startStack, writeSupergraph, type GqlResult, type Stack } from './fixtures/startStack';
import { waitFor } from './fixtures/waitFor';

/*
 * The router engine (GATEWAY_ENGINE=router: Hive's Rust query planner and its runtime) against
 * Apollo's, on the same members and directory: the same requests get the same answers.
 */

describe('GATEWAY_ENGINE', () => {
  const saved = process.env.GATEWAY_ENGINE;
  afterEach(() => {
    if (saved === undefined) delete process.env.GATEWAY_ENGINE;
    else process.env.GATEWAY_ENGINE = saved;
  });

  it('is router by default, apollo from the environment or --engine, and nothing else', () => {
    delete process.env.GATEWAY_ENGINE;
    expect(loadConfig().engine).toBe('router');
    process.env.GATEWAY_ENGINE = 'apollo';
    expect(loadConfig().engine).toBe('apollo');
    expect(loadConfig(parseFlags(['--engine', 'router'])).engine).toBe('router');
    process.env.GATEWAY_ENGINE = 'rust';
    expect(() => loadConfig()).toThrow(ConfigError);
    expect(() => loadConfig()).toThrow(/GATEWAY_ENGINE must be apollo or router, got "rust"/);
    expect(() => parseFlags(['--engine', 'fast'])).toThrow(/--engine must be apollo or router/);
  });
});

describe('where the native planner does not load', () => {
  it('says why, so that the gateway falls back to the apollo engine', () => {
    expect(routerEngineUnavailable()).toBeNull();
    const reason = routerEngineUnavailable(() => {
      throw new Error('Cannot find module hive_router_query_planner.linux-x64-musl.node\nRequire stack: …');
    });
    expect(reason).toBe(`the Rust query planner does not load on ${process.platform}-${process.arch} (Cannot find module hive_router_query_planner.linux-x64-musl.node)`);
  });
});

describe('router engine', () => {
  /** Apollo's engine, in the stack. */
  let stack: Stack;
  let router: RunningGateway;
  /** The router gateway's own copy of the supergraph (the reload test rewrites it). */
  let routerSupergraph: string;

  beforeAll(async () => {
    stack = await startStack(memberOptions(), { maxCost: 3000, engine: 'apollo' });
    routerSupergraph = writeSupergraph(fs.readFileSync(stack.supergraphFile, 'utf8'));
    router = await createGateway({
      ...DEFAULT_CONFIG,
      ...NO_RATE_LIMITS,
      engine: 'router',
      allowPrivateMemberUrls: true,
      port: 0,
      supergraphFile: routerSupergraph,
      directoryUrl: stack.directory.graphqlUrl,
      hubAdminToken: ADMIN_TOKEN,
      memberTimeoutMs: 1500,
      memberRefreshMs: 60_000,
      responseCacheTtlMs: 0,
      maxCost: 3000,
    });
  });
  afterAll(async () => {
    await router?.close();
    await stack?.stop();
    removeSupergraph(routerSupergraph);
  });
  beforeEach(() => {
    for (const m of stack.members) m.received.length = 0;
  });

  const viaRouter = (query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) => gql(router.graphqlUrl, query, variables, { headers });
  const received = () => stack.members.map((m) => m.received.length);
  const reset = () => {
    for (const m of stack.members) m.received.length = 0;
  };

  /** Sends the request through both engines; the answers (status and body) must be equal. */
  async function bothEngines(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GqlResult> {
    const apollo = await stack.gql(query, variables, { headers });
    const routed = await viaRouter(query, variables, headers);
    expect(routed).toEqual(apollo);
    return routed;
  }

  it('runs on the router engine', () => {
    expect(router.gateway).toBeInstanceOf(RouterEngine);
    expect(stack.gateway.gateway).not.toBeInstanceOf(RouterEngine);
  });

  it('merges national lists and resolves directory fields on them as Apollo’s engine does', async () => {
    const page = `query($first: Int!, $after: String) { aiTools(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name collectivite { siren name } } } } }`;
    const first = await bothEngines(page, { first: 25 });
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data.aiTools.totalCount).toBe(71);
    expect(first.body.data.aiTools.edges).toHaveLength(25);
    const names = Object.fromEntries(stack.members.map((m) => [m.siren, m.name]));
    for (const e of first.body.data.aiTools.edges) expect(e.node.collectivite.name).toBe(names[e.node.collectivite.siren]);
    await bothEngines(page, { first: 25, after: first.body.data.aiTools.pageInfo.endCursor });
  });

  it('routes by SIREN: only the named members are asked', async () => {
    const query = `query($s: [String!]) { aiTools(first: 50, filter: { sirens: $s }) { totalCount edges { node { id } } } }`;
    reset();
    const { body } = await viaRouter(query, { s: [SIRENS.amiens] });
    expect(body.data.aiTools.totalCount).toBe(17);
    expect(received()).toEqual(stack.members.map((m) => (m.siren === SIRENS.amiens ? 1 : 0)));
    await bothEngines(query, { s: [SIRENS.arras, SIRENS.lille] });
  });

  it('sends owner-argument root fields and entities to their owners, aliases included', async () => {
    const id = `${SIRENS.lille}:outil-3`;
    reset();
    const { body } = await bothEngines(`query($id: ID!, $siren: String!) { tool: aiTool(id: $id) { id label: name } reg: registry(siren: $siren) { siren name toolCount } }`, { id, siren: SIRENS.amiens });
    expect(body.data.tool).toEqual({ id, label: expect.any(String) });
    expect(body.data.reg).toEqual({ siren: SIRENS.amiens, name: 'Amiens', toolCount: 17 });
    // Entities: the directory's members, each resolved by its own registry.
    const entities = await bothEngines(`{ members { siren n: toolCount } }`);
    expect(entities.body.data.members.map((m: { siren: string; n: number }) => [m.siren, m.n])).toEqual(stack.members.map((m) => [m.siren, m.tools.length]));
  });

  it('sends each member its own representations when the router batches entity fetches to the registry', async () => {
    // Two entity fetches to `registry` at the same step: one request with two aliased `_entities`.
    reset();
    const { body } = await bothEngines(`{ members { siren toolCount } products { id deployments { id } } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.members.map((m: { siren: string; toolCount: number }) => [m.siren, m.toolCount])).toEqual(stack.members.map((m) => [m.siren, m.tools.length]));
    const deployed = stack.members.flatMap((m) => m.tools.filter((t) => t.productId === 'albert').map((t) => `${m.siren}:${t.slug}`));
    expect(body.data.products[0].deployments.map((d: { id: string }) => d.id).sort()).toEqual(deployed.sort());
  });

  it('answers a cross-subgraph query (directory → registry → directory) as Apollo’s engine does', async () => {
    const { body } = await bothEngines(`{ members { siren name aiTools(first: 2) { totalCount edges { node { id collectivite { name } } } } } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.members).toHaveLength(3);
  });

  it('answers introspection from the API schema (no join__ or link__ types)', async () => {
    const { body } = await bothEngines(`{ __schema { types { name } } }`);
    const names = body.data.__schema.types.map((t: { name: string }) => t.name);
    expect(names).toContain('AiTool');
    expect(names.filter((n: string) => n.startsWith('join__') || n.startsWith('link__'))).toEqual([]);
    await bothEngines(`{ __typename }`);
  });

  it('gives Apollo’s planner the operations the Rust planner has no plan for (found by the fuzz test), never a 500', async () => {
    for (const query of [
      `{ a: registry(siren: "${SIRENS.amiens}") @skip(if: true) { name } }`,
      `query($no: Boolean!) { members @include(if: $no) { siren } }`,
      `{ members { siren } __type(name: "AiTool") { name kind } }`,
    ]) {
      const { status, body } = await bothEngines(query, { no: false });
      expect({ query, status, errors: body.errors }).toEqual({ query, status: 200, errors: undefined });
    }
    const mixed = await viaRouter(`{ members { siren } __type(name: "AiTool") { name kind } }`);
    expect(mixed.body.data.__type).toEqual({ name: 'AiTool', kind: 'OBJECT' });
    expect(mixed.body.data.members).toHaveLength(stack.members.length);
  });

  it('refuses what the limits refuse, before any member is asked, and reports invalid operations alike', async () => {
    reset();
    const costly = Array.from({ length: 8 }, (_, i) => `a${i}: aiTools(first: 100) { edges { node { id collectivite { siren } product { id } } } }`).join(' ');
    const { status, body } = await bothEngines(`{ ${costly} }`);
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
    expect(received()).toEqual([0, 0, 0]);
    const invalid = await bothEngines(`{ aiTools(first: 1) { nope } }`);
    expect(invalid.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const badVariable = await bothEngines(`query($n: Int!) { aiTools(first: $n) { totalCount } }`, { n: 'many' });
    expect(badVariable.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('makes a refused mutation’s data null, as its field is non-null', async () => {
    const headers = { authorization: `Bearer ${fixtureToken(SIRENS.lille)}` };
    const { body } = await bothEngines(`mutation { createAiTool(siren: "552100554", input: { name: "x" }) { id } }`, undefined, headers);
    expect(body.data).toBeNull();
    expect(body.errors[0].extensions).toMatchObject({ code: 'NOT_FOUND', siren: '552100554' });
  });

  it('passes members’ errors on with their codes and SIRENs', async () => {
    const { body } = await bothEngines(`{ aiTools(first: 5, after: "not-a-cursor") { edges { node { id } } } }`);
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('reloads its supergraph when the file changes, and keeps the previous one when the new one does not load', async () => {
    const withDirectory = `{ members { siren } }`;
    expect((await viaRouter(withDirectory)).body.errors).toBeUndefined();
    fs.writeFileSync(routerSupergraph, 'not a supergraph');
    // Still served from the previous supergraph.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await viaRouter(withDirectory)).body.errors).toBeUndefined();
    // A supergraph without the registry: `members` stays, `aiTools` is gone from the API schema.
    fs.writeFileSync(routerSupergraph, composeOrThrow([{ name: 'directory', url: 'http://127.0.0.1:9/graphql', sdl: DIRECTORY_SDL }]));
    await waitFor(async () => (await viaRouter(`{ aiTools(first: 1) { totalCount } }`)).body.errors?.[0]?.extensions?.code === 'GRAPHQL_VALIDATION_FAILED');
    expect((await viaRouter(withDirectory)).body.data.members).toHaveLength(3);
    fs.writeFileSync(routerSupergraph, fs.readFileSync(stack.supergraphFile, 'utf8'));
    await waitFor(async () => !(await viaRouter(`{ aiTools(first: 1) { totalCount } }`)).body.errors);
  });

  // Last: it stops a member.
  it('answers with the other members and the same MEMBER_UNAVAILABLE error when a member is down', async () => {
    await stack.members.find((m) => m.siren === SIRENS.lille)!.close();
    const list = await bothEngines(`{ aiTools(first: 100) { totalCount edges { node { id } } } }`);
    expect(list.body.data.aiTools.totalCount).toBe(23 + 17);
    expect(list.body.errors.map((e: { extensions: { code: string; siren: string } }) => [e.extensions.code, e.extensions.siren])).toEqual([['MEMBER_UNAVAILABLE', SIRENS.lille]]);
    const entities = await bothEngines(`{ members { siren toolCount } }`);
    expect(entities.body.data.members.find((m: { siren: string }) => m.siren === SIRENS.lille).toolCount).toBeNull();
    expect(entities.body.errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual(['MEMBER_UNAVAILABLE']);
  });
});
