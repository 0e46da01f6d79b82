import { createLogger } from '@bibia/kit';
import { Harvester } from '../src';
import { SIREN, seedEntries, startHub, type Hub } from './helpers/startHub';

// Members come and go here: a hub of its own. Staleness after 1.5 s, to see it within a test.
const MEMBERS = [SIREN.bethune, SIREN.arras, SIREN.pasDeCalais];
const seed = seedEntries(MEMBERS);
const countOf = (siren: string) => seed.tools.filter((t) => t.siren === siren).length;
let hub: Hub;

beforeAll(async () => {
  hub = await startHub('lifecycle', MEMBERS, { staleAfterMs: 1500 });
  await hub.index.harvestOnce();
}, 180_000);

afterAll(async () => {
  await hub?.stop();
});

const toolsOf = async (siren: string) =>
  (await hub.ask(`{ aiTools(filter: { sirens: ["${siren}"] }, first: 100) { totalCount edges { node { id } } } }`)).data.aiTools;

describe('several harvesters', () => {
  it('share the members through leases: each member is harvested by exactly one instance per round', async () => {
    const byInstance = new Map<string, string[]>();
    const second = new Harvester({
      prisma: hub.index.prisma,
      logger: createLogger('second-harvester'),
      instanceId: 'second',
      intervalMs: 2000,
      concurrency: 2,
      leaseMs: 30_000,
      timeoutMs: 5000,
      onMemberRequest: (siren) => byInstance.set(siren, [...(byInstance.get(siren) ?? []), 'second']),
    });
    hub.requests.clear();
    await hub.index.members.refresh();
    const [a, b] = await Promise.all([hub.index.harvester.harvestNow(), second.harvestNow()]);
    const harvested = [...a.harvested, ...b.harvested].sort();
    expect(harvested).toEqual([...MEMBERS].sort());
    expect(a.harvested.filter((s) => b.harvested.includes(s))).toEqual([]);
    // One request per member in all (no change since the last harvest), from one instance only.
    for (const siren of MEMBERS) {
      const fromSecond = byInstance.get(siren)?.length ?? 0;
      const fromFirst = hub.requests.get(siren) ?? 0;
      expect(fromFirst + fromSecond).toBe(1);
    }
    const leases = await hub.index.prisma.harvestState.findMany({ where: { leaseOwner: { not: null } } });
    expect(leases).toEqual([]);
  });
});

describe('a member whose database was reset', () => {
  it('is resynchronised in full, without duplicates or ghosts', async () => {
    expect((await toolsOf(SIREN.pasDeCalais)).totalCount).toBe(countOf(SIREN.pasDeCalais));
    const fresh = await hub.resetMember(SIREN.pasDeCalais);
    // Nothing published yet on the new database: counts differ, the member is resynchronised.
    let round = await hub.index.harvestOnce();
    expect(round.resynced).toContain(SIREN.pasDeCalais);
    expect((await toolsOf(SIREN.pasDeCalais)).totalCount).toBe(0);

    // A publication on the new database: its sequence restarts at 1, the index follows it.
    const created = await fresh.gql(`mutation($i: AiToolInput!) { createAiTool(siren: "${SIREN.pasDeCalais}", input: $i) { id } }`, {
      i: { name: 'Nouvel outil', summary: 'Après la remise à zéro.', themes: ['ADMINISTRATION'], status: 'PILOT', algorithmType: 'RULE_BASED', riskLevel: 'MINIMAL', hosting: 'ON_PREMISES' },
    });
    const id = created.data.createAiTool.id;
    await fresh.gql(`mutation { publishAiTool(id: "${id}") { id } }`);
    round = await hub.index.harvestOnce();
    expect(round.failed).toEqual([]);
    const after = await toolsOf(SIREN.pasDeCalais);
    expect(after.edges.map((e: any) => e.node.id)).toEqual([id]);
    const state = await hub.index.prisma.harvestState.findUniqueOrThrow({ where: { siren: SIREN.pasDeCalais } });
    expect(state.lastSeq).toBeLessThan(10);
  });

  it('is detected when its sequence goes backwards, even with the same counts', async () => {
    const member = hub.members.get(SIREN.pasDeCalais)!;
    const before = await hub.index.prisma.harvestState.findUniqueOrThrow({ where: { siren: SIREN.pasDeCalais } });
    // Pretend the index had read further than the member ever went (as after a restore from backup).
    await hub.index.prisma.harvestState.update({ where: { siren: SIREN.pasDeCalais }, data: { lastSeq: 1000 } });
    const created = await member.gql(`mutation($i: AiToolInput!) { createAiTool(siren: "${SIREN.pasDeCalais}", input: $i) { id } }`, {
      i: { name: 'Deuxième outil', summary: 'Encore.', themes: ['ADMINISTRATION'], status: 'PILOT', algorithmType: 'RULE_BASED', riskLevel: 'MINIMAL', hosting: 'ON_PREMISES' },
    });
    await member.gql(`mutation { publishAiTool(id: "${created.data.createAiTool.id}") { id } }`);
    const round = await hub.index.harvestOnce();
    expect(round.resynced).toContain(SIREN.pasDeCalais);
    const after = await hub.index.prisma.harvestState.findUniqueOrThrow({ where: { siren: SIREN.pasDeCalais } });
    expect(after.resyncCount).toBe(before.resyncCount + 1);
    expect((await toolsOf(SIREN.pasDeCalais)).totalCount).toBe(2);
  });
});

describe('a member that is down', () => {
  it('keeps its last harvested content, named stale once its harvest is older than STALE_AFTER_MS', async () => {
    const harvestedBefore = (await hub.index.prisma.harvestState.findUniqueOrThrow({ where: { siren: SIREN.bethune } })).lastSuccessAt!;
    await hub.stopMember(SIREN.bethune);
    const round = await hub.index.harvestOnce();
    expect(round.failed.map((f) => f.siren)).toEqual([SIREN.bethune]);
    expect((await toolsOf(SIREN.bethune)).totalCount).toBe(countOf(SIREN.bethune));
    await new Promise((r) => setTimeout(r, 1600));
    await hub.index.harvestOnce();
    const res = await hub.ask(`{ aiTools(first: 1) { totalCount } }`);
    expect(res.extensions?.bibia?.staleMembers).toEqual([{ siren: SIREN.bethune, harvestedAt: harvestedBefore.toISOString() }]);
    const metrics = await (await fetch(`${hub.index.url}/metrics`)).text();
    const lag = Number(new RegExp(`bibia_index_harvest_lag_seconds\\{siren="${SIREN.bethune}"\\} ([\\d.]+)`).exec(metrics)?.[1]);
    expect(lag).toBeGreaterThan(1.5);
  });
});

describe('a suspended member', () => {
  it('disappears from results at the next read of the member list, and its rows are deleted', async () => {
    expect((await toolsOf(SIREN.arras)).totalCount).toBe(countOf(SIREN.arras));
    await hub.suspend(SIREN.arras);
    await hub.index.members.refresh();
    expect((await toolsOf(SIREN.arras)).totalCount).toBe(0);
    const stats = await hub.ask(`{ libraryStats { memberCount } practiceReports(filter: { sirens: ["${SIREN.arras}"] }) { totalCount } }`);
    expect(stats.data).toEqual({ libraryStats: { memberCount: 2 }, practiceReports: { totalCount: 0 } });
    expect(await hub.index.prisma.indexedTool.count({ where: { siren: SIREN.arras } })).toBe(0);
  });
});
