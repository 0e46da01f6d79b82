import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_QUERY_LIMITS, queryCost, readCostDirectives } from '@bibia/core';
import { createGateway, DEFAULT_CONFIG, type RunningGateway } from '@bibia/gateway';
import { buildSchema, parse } from 'graphql';
import { composeScenario, NESTED_QUERY, startScenarioSubgraphs, USERS, type ScenarioSubgraphs } from '../bench/gatewaysBenchmark';
import { MAX_REVIEWS_PER_PRODUCT, MAX_REVIEWS_PER_USER, PRODUCTS, REVIEWS } from '../bench/gatewaysBenchmark/data';
import { startPeerGateway, type StartedPeerGateway } from '../bench/peersGateway';
import { checkSameAnswers, postGraphQL } from '../bench/peersMeasure';

// G2 of `bench peers` runs our gateway under its DEFAULT limits: the scenario's subgraphs say how
// long their lists really are (`@listSize`), so the nested query costs what it fetches.

describe('the scenario\'s list sizes', () => {
  it('are the real largest ones of its data', () => {
    const largest = (key: (r: (typeof REVIEWS)[number]) => string) => Math.max(...REVIEWS.map((r) => REVIEWS.filter((o) => key(o) === key(r)).length));
    expect(MAX_REVIEWS_PER_USER).toBe(largest((r) => r.authorId));
    expect(MAX_REVIEWS_PER_PRODUCT).toBe(largest((r) => r.productUpc));
    const directives = readCostDirectives(composeScenario({}));
    expect(Object.fromEntries(directives)).toEqual({
      'Query.users': { assumedSize: USERS.length },
      'Query.topProducts': { assumedSize: PRODUCTS.length, slicingArguments: ['first'] },
      'User.reviews': { assumedSize: MAX_REVIEWS_PER_USER },
      'Product.reviews': { assumedSize: MAX_REVIEWS_PER_PRODUCT },
    });
  });

  it('bring the nested query\'s cost under the default MAX_COST (it was over it without them)', () => {
    const supergraphSdl = composeScenario({});
    const schema = buildSchema(supergraphSdl);
    const document = parse(NESTED_QUERY);
    const cost = queryCost(schema, document, { directives: readCostDirectives(supergraphSdl) });
    // users: 6 × (1 + 2 reviews × (1 + product (1 + 4 reviews × (1 + author (1 + 2 × (1 + 1)))))), topProducts: 5 × (1 + 4 × 6).
    expect(cost).toBe(6 * (1 + 2 * (1 + 1 + 4 * 6)) + 5 * (1 + 4 * 6));
    expect(cost).toBeLessThan(DEFAULT_QUERY_LIMITS.maxCost);
    expect(queryCost(schema, document)).toBeGreaterThan(DEFAULT_QUERY_LIMITS.maxCost);
  });
});

describe('our gateway under its default limits', () => {
  let subgraphs: ScenarioSubgraphs;
  let dir: string;
  let bibia: RunningGateway;
  let measured: RunningGateway;
  let apollo: StartedPeerGateway;

  beforeAll(async () => {
    subgraphs = await startScenarioSubgraphs();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bibia-g2-'));
    const supergraphFile = path.join(dir, 'supergraph.graphql');
    fs.writeFileSync(supergraphFile, subgraphs.supergraphSdl);
    const config = { ...DEFAULT_CONFIG, port: 0, host: '127.0.0.1', supergraphFile, allowPrivateMemberUrls: true, responseCacheTtlMs: 0 };
    [bibia, measured, apollo] = await Promise.all([
      createGateway(config),
      // The same, with a cost limit of 1: its refusal tells the cost it measured.
      createGateway({ ...config, maxCost: 1 }),
      startPeerGateway({ kind: 'apollo', supergraphSdl: subgraphs.supergraphSdl }),
    ]);
  }, 60_000);

  afterAll(async () => {
    await bibia?.close();
    await measured?.close();
    await apollo?.close();
    await subgraphs?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('runs the nested query (depth, width, aliases, tokens and cost all within the defaults), as plain Apollo Gateway answers it', async () => {
    expect(DEFAULT_CONFIG).toMatchObject({ maxCost: DEFAULT_QUERY_LIMITS.maxCost, maxDepth: DEFAULT_QUERY_LIMITS.maxDepth, maxFields: DEFAULT_QUERY_LIMITS.maxFields, maxAliases: DEFAULT_QUERY_LIMITS.maxAliases, maxTokens: DEFAULT_QUERY_LIMITS.maxTokens });
    const { status, body } = await postGraphQL(bibia.graphqlUrl, NESTED_QUERY);
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
    expect((body.data as { users: unknown[] }).users).toHaveLength(USERS.length);
    await expect(checkSameAnswers([{ config: 'bibia', graphqlUrl: bibia.graphqlUrl }, { config: 'apollo', graphqlUrl: apollo.graphqlUrl }], NESTED_QUERY)).resolves.toBeUndefined();
  });

  it('measures its cost with the supergraph\'s @listSize, below the default MAX_COST', async () => {
    const { status, body } = await postGraphQL(measured.graphqlUrl, NESTED_QUERY);
    expect(status).toBe(400);
    const cost = Number(body.errors?.[0]?.extensions?.cost);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', maxCost: 1 });
    expect(cost).toBe(443);
    expect(cost).toBeLessThan(DEFAULT_CONFIG.maxCost);
  });
});
