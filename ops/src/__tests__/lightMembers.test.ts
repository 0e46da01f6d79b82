import { NO_RATE_LIMITS } from '@bibia/core';
import { createGateway, DEFAULT_CONFIG, type RunningGateway } from '@bibia/gateway';
import { startStack, SUPERGRAPH_FILE, type Stack } from '@bibia/testkit';
import { registerMembers } from '@bibia/testkit';
import { startLightMembers, type LightMembers } from '../lightMembers';
import { syntheticMembers } from '../syntheticMembers';

// Light members are what the 1,000-member benchmark runs on: the index harvests them as real
// members, and live fan-out over them gives what the index gives.
const members = syntheticMembers(12, 10);
let light: LightMembers;
let stack: Stack;
let live: RunningGateway;

beforeAll(async () => {
  light = await startLightMembers(members);
  stack = await startStack({ web: false, members: [], index: { harvest: false }, gateway: { responseCacheTtlMs: 0 } });
  await registerMembers(stack, members.map((m) => ({ siren: m.siren, name: m.name, departement: m.departement, registryUrl: light.graphqlUrl(m.siren) })));
  live = await createGateway({ ...DEFAULT_CONFIG, allowPrivateMemberUrls: true, ...NO_RATE_LIMITS, port: 0, supergraphFile: SUPERGRAPH_FILE, directoryUrl: stack.directory.graphqlUrl, hubAdminToken: stack.adminToken, responseCacheTtlMs: 0 });
  await live.members!.refresh();
}, 120_000);

afterAll(async () => {
  await live?.close();
  await stack?.stop();
  await light?.close();
});

async function ask(url: string, query: string, variables?: Record<string, unknown>): Promise<any> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: any; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const PAGE = `query($after: String, $orderBy: AiToolOrder!, $filter: AiToolFilter) {
  aiTools(first: 7, after: $after, orderBy: $orderBy, filter: $filter) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } }
}`;

async function walk(url: string, orderBy: string, filter?: Record<string, unknown>) {
  const pages = [];
  let after: string | null = null;
  for (;;) {
    const { aiTools } = await ask(url, PAGE, { after, orderBy, filter });
    pages.push(aiTools);
    if (!aiTools.pageInfo.hasNextPage) return pages;
    after = aiTools.pageInfo.endCursor;
  }
}

describe('light synthetic members', () => {
  it('are harvested in full by the index, then give through it what live fan-out gives', async () => {
    const round = await stack.index!.harvestOnce();
    expect(round.failed).toEqual([]);
    expect(round.harvested).toHaveLength(members.length);
    expect(await stack.index!.prisma.indexedTool.count()).toBe(members.length * 10);
    // A second round: one small request per member, nothing to fetch.
    light.requests.clear();
    await stack.index!.harvestOnce();
    expect([...light.requests.values()]).toEqual(members.map(() => 1));

    for (const orderBy of ['NAME', 'RECENT']) {
      for (const filter of [undefined, { region: '32' }, { themes: ['ADMINISTRATION'] }]) {
        const viaLive = await walk(live.graphqlUrl, orderBy, filter);
        expect(viaLive[0].totalCount).toBeGreaterThan(0);
        expect(await walk(stack.gatewayUrl, orderBy, filter)).toEqual(viaLive);
      }
    }
    const answered = await stack.gateway.metrics.indexAnswers.get();
    expect(answered.values.reduce((n, v) => n + v.value, 0)).toBeGreaterThan(0);
  }, 120_000);
});
