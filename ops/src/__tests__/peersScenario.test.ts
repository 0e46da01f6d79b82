import { NESTED_QUERY, PRODUCTS, REVIEWS, startScenarioSubgraphs, USERS, type ScenarioSubgraphs } from '../bench/gatewaysBenchmark';
import { startPeerGateway, type StartedPeerGateway } from '../bench/peersGateway';
import { parseCases, withSubgraphUrls } from '../bench/peersCases';
import { checkSameAnswers, postGraphQL } from '../bench/peersMeasure';
import { auditVerdict } from '../audit/runAuditSuite';

// The G2 scenario of `bench peers`: our own four subgraphs compose, and plain Apollo Gateway and
// Hive Gateway give the same answer to the public benchmark's nested query.
let subgraphs: ScenarioSubgraphs;
let apollo: StartedPeerGateway;
let hive: StartedPeerGateway;

beforeAll(async () => {
  subgraphs = await startScenarioSubgraphs();
  [apollo, hive] = await Promise.all([
    startPeerGateway({ kind: 'apollo', supergraphSdl: subgraphs.supergraphSdl }),
    startPeerGateway({ kind: 'hive', supergraphSdl: subgraphs.supergraphSdl }),
  ]);
}, 60_000);

afterAll(async () => {
  await apollo?.close();
  await hive?.close();
  await subgraphs?.close();
});

describe('the gateways benchmark scenario', () => {
  it('composes four subgraphs at their live URLs', () => {
    for (const name of ['accounts', 'inventory', 'products', 'reviews']) {
      expect(subgraphs.supergraphSdl).toContain(`@join__graph(name: "${name}", url: "${subgraphs.urls[name]}")`);
    }
  });

  it('answers the nested query through every entity hop, the same through Apollo Gateway and Hive Gateway', async () => {
    const { status, body } = await postGraphQL(apollo.graphqlUrl, NESTED_QUERY);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const data = body.data as { users: any[]; topProducts: any[] };
    expect(data.users.map((u) => u.name)).toEqual(USERS.map((u) => u.name));
    expect(data.topProducts).toHaveLength(5);
    // accounts → reviews → products + inventory (@requires) → reviews → accounts (@provides) → reviews → products.
    const firstReview = data.users[0].reviews[0];
    expect(firstReview.product).toMatchObject({ upc: '1', name: PRODUCTS[0].name, inStock: true, shippingEstimate: PRODUCTS[0].weight / 2 });
    expect(firstReview.product.reviews.map((r: { id: string }) => r.id)).toEqual(REVIEWS.filter((r) => r.productUpc === '1').map((r) => r.id));
    expect(firstReview.product.reviews[2].author).toMatchObject({ id: '2', username: USERS[1].username, name: USERS[1].name });
    expect(data.topProducts[1]).toMatchObject({ upc: '2', shippingEstimate: 0 });
    await expect(checkSameAnswers([{ config: 'apollo', graphqlUrl: apollo.graphqlUrl }, { config: 'hive', graphqlUrl: hive.graphqlUrl }], NESTED_QUERY)).resolves.toBeUndefined();
  });

  it('refuses to time a target that answers with errors', async () => {
    const other = `{ users { id } }`;
    await expect(checkSameAnswers([{ config: 'apollo', graphqlUrl: apollo.graphqlUrl }, { config: 'hive', graphqlUrl: hive.graphqlUrl }], other)).resolves.toBeUndefined();
    const apolloOnly = await postGraphQL(apollo.graphqlUrl, other);
    expect((apolloOnly.body.data as { users: unknown[] }).users).toHaveLength(USERS.length);
    await expect(checkSameAnswers([{ config: 'apollo', graphqlUrl: apollo.graphqlUrl }, { config: 'hive', graphqlUrl: hive.graphqlUrl }], '{ nope }')).rejects.toThrow(/apollo: HTTP 400/);
  });
});

describe('bench peers helpers', () => {
  it('rewrites the routing URL of named subgraphs only', () => {
    const sdl = 'A @join__graph(name: "registry", url: "http://127.0.0.1:4201/graphql")\nB @join__graph(name: "index", url: "http://127.0.0.1:4050/graphql")';
    expect(withSubgraphUrls(sdl, { registry: 'http://127.0.0.1:9/graphql' })).toBe(
      'A @join__graph(name: "registry", url: "http://127.0.0.1:9/graphql")\nB @join__graph(name: "index", url: "http://127.0.0.1:4050/graphql")',
    );
  });

  it('refuses an unknown case', () => {
    expect(parseCases('G1, G2')).toEqual(['G1', 'G2']);
    expect(() => parseCases('G1,G3')).toThrow('unknown case(s) G3');
  });

  it('judges an audit answer as the audit does', () => {
    expect(auditVerdict({ query: '', expected: { data: { a: 1 } } }, { data: { a: 1 }, errors: [{}] }).pass).toBe(true);
    expect(auditVerdict({ query: '', expected: { data: { a: 1 }, errors: false } }, { data: { a: 1 }, errors: [{}] }).pass).toBe(false);
    expect(auditVerdict({ query: '', expected: { data: null, errors: true } }, { errors: [{}] }).pass).toBe(true);
    expect(auditVerdict({ query: '', expected: { data: { a: [1, 2] } } }, { data: { a: [2, 1] } }).pass).toBe(false);
  });
});
