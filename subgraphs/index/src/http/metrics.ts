import { Counter, Gauge, Registry } from 'prom-client';
import type { IndexPrisma } from '../storage';
import type { ActiveMembers } from '../members/ActiveMembers';

export interface IndexMetrics {
  registry: Registry;
  harvests: Counter<'outcome'>;
  resyncs: Counter;
  memberRequests: Counter<'operation'>;
}

/**
 * Prometheus metrics of the index. The lag of a member is the age of its last successful harvest
 * (since start-up when it never succeeded), read from the shared harvest states at scrape time, so
 * every instance reports the same figures whoever harvested.
 */
export function createMetrics(prisma: IndexPrisma, members: ActiveMembers, startedAt = Date.now()): IndexMetrics {
  const registry = new Registry();
  const lagOf = async () => {
    const states = await prisma.harvestState.findMany({ select: { siren: true, lastSuccessAt: true } });
    const bySiren = new Map(states.map((s) => [s.siren, s.lastSuccessAt]));
    const now = Date.now();
    return members.list().map((m) => ({ siren: m.siren, lag: (now - (bySiren.get(m.siren)?.getTime() ?? startedAt)) / 1000 }));
  };
  new Gauge({
    name: 'bibia_index_harvest_lag_seconds',
    help: 'Age of the last successful harvest of a member, in seconds.',
    labelNames: ['siren'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const { siren, lag } of await lagOf()) this.set({ siren }, lag);
    },
  });
  new Gauge({
    name: 'bibia_index_harvest_lag_oldest_seconds',
    help: 'The largest harvest lag over all members, in seconds.',
    registers: [registry],
    async collect() {
      this.set(Math.max(0, ...(await lagOf()).map((l) => l.lag)));
    },
  });
  new Gauge({
    name: 'bibia_index_members',
    help: 'Members the index serves (ACTIVE or UNREACHABLE in the directory).',
    registers: [registry],
    collect() {
      this.set(members.list().length);
    },
  });
  return {
    registry,
    harvests: new Counter({ name: 'bibia_index_harvests_total', help: 'Harvests of a member by this instance, by outcome.', labelNames: ['outcome'], registers: [registry] }),
    resyncs: new Counter({ name: 'bibia_index_resyncs_total', help: 'Full resynchronisations of a member by this instance.', registers: [registry] }),
    memberRequests: new Counter({ name: 'bibia_index_member_requests_total', help: 'Requests sent to members by this instance.', labelNames: ['operation'], registers: [registry] }),
  };
}
