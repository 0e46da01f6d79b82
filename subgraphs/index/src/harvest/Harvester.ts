import type { Logger, PostFetch } from '@bibia/kit';
import { Prisma, type HarvestState } from '../generated/prisma/client';
import type { IndexPrisma } from '../storage';
import type { Member } from '../members/ActiveMembers';
import { harvestMember, type HarvestOutcome } from './harvestMember';
import { bumpDataVersion } from '../dataVersion';

/** Options of {@link Harvester}. */
export interface HarvesterOptions {
  prisma: IndexPrisma;
  logger: Logger;
  /** Name of this instance in leases. */
  instanceId: string;
  /** Time between two harvests of one member. */
  intervalMs: number;
  /** Members harvested at once by this instance. */
  concurrency: number;
  /** How long a claimed member stays leased to this instance. */
  leaseMs: number;
  /** Timeout of one request to a member. */
  timeoutMs: number;
  /** The HTTP client for members. @default the global `fetch` */
  fetch?: PostFetch;
  onMemberRequest?: (siren: string, operation: string) => void;
  /** Called after each harvest of a member. */
  onHarvested?: (siren: string, outcome: HarvestOutcome | null, error: unknown) => void;
}

export interface RoundSummary {
  harvested: string[];
  failed: { siren: string; error: string }[];
  resynced: string[];
}

const utcNow = Prisma.sql`(now() AT TIME ZONE 'UTC')`;

/**
 * Harvests members in rounds. Members are shared by every instance through leases in the
 * database: a round claims due members with `FOR UPDATE SKIP LOCKED`, so two instances never
 * harvest the same member at once, and a member released sets its next due time.
 */
export class Harvester {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<RoundSummary> | null = null;
  private stopped = false;
  /** Complete rounds run after the member list was read once (the index is ready after the first). */
  roundsCompleted = 0;
  private membersSynced = false;

  constructor(private readonly options: HarvesterOptions) {}

  /** Brings the harvest states in line with the member list: new members, changed URLs, departures. */
  async syncMembers(members: Member[]): Promise<string[]> {
    const { prisma } = this.options;
    const known = new Map((await prisma.harvestState.findMany({ select: { siren: true, registryUrl: true, departement: true, region: true } })).map((s) => [s.siren, s]));
    // New members in one statement (another instance may be adding the same ones).
    const added = members.filter((m) => !known.has(m.siren)).map((m) => ({ siren: m.siren, registryUrl: m.registryUrl, departement: m.departement, region: m.region }));
    if (added.length) await prisma.harvestState.createMany({ data: added, skipDuplicates: true });
    for (const m of members) {
      const existing = known.get(m.siren);
      const place = { registryUrl: m.registryUrl, departement: m.departement, region: m.region };
      if (existing && (existing.registryUrl !== m.registryUrl || existing.departement !== m.departement || existing.region !== m.region)) {
        // Another database behind another URL: its feed is not the one the cursor belongs to.
        await prisma.harvestState.update({ where: { siren: m.siren }, data: { ...place, ...(existing.registryUrl !== m.registryUrl ? { needsResync: true } : {}) } });
      }
    }
    this.membersSynced = true;
    const sirens = new Set(members.map((m) => m.siren));
    const gone = [...known.keys()].filter((s) => !sirens.has(s));
    if (gone.length) {
      // Reads already leave them out (filtered by the live list); this frees the space.
      await prisma.$transaction([
        prisma.indexedTool.deleteMany({ where: { siren: { in: gone } } }),
        prisma.indexedReport.deleteMany({ where: { siren: { in: gone } } }),
        prisma.harvestState.deleteMany({ where: { siren: { in: gone } } }),
        bumpDataVersion(prisma),
      ]);
      this.options.logger.info({ sirens: gone }, 'members no longer active: their content was removed from the index');
    }
    return gone;
  }

  /**
   * Leases up to `n` members due by `dueBy` that no live lease holds. Rows another instance is
   * claiming at this very moment are skipped, not waited for.
   */
  async claim(n: number, dueBy: Date, only?: string[]): Promise<HarvestState[]> {
    const { prisma, instanceId, leaseMs } = this.options;
    const onlyThese = only ? Prisma.sql`AND siren = ANY(${only}::text[])` : Prisma.empty;
    return prisma.$queryRaw<HarvestState[]>`
      UPDATE "HarvestState" SET "leaseOwner" = ${instanceId}, "leaseUntil" = ${utcNow} + ${leaseMs} * interval '1 millisecond'
      WHERE siren IN (
        SELECT siren FROM "HarvestState"
        WHERE ("leaseUntil" IS NULL OR "leaseUntil" < ${utcNow})
          AND "nextHarvestAt" <= (${dueBy.toISOString()}::timestamptz AT TIME ZONE 'UTC') ${onlyThese}
        ORDER BY "nextHarvestAt", siren
        LIMIT ${n}
        FOR UPDATE SKIP LOCKED)
      RETURNING *`;
  }

  private async release(siren: string, data: Prisma.HarvestStateUpdateInput): Promise<void> {
    const { prisma, instanceId, intervalMs } = this.options;
    await prisma.harvestState.updateMany({
      where: { siren, leaseOwner: instanceId },
      data: { ...data, leaseOwner: null, leaseUntil: null, nextHarvestAt: new Date(Date.now() + intervalMs) } as Prisma.HarvestStateUpdateManyMutationInput,
    });
  }

  private async harvestOne(state: HarvestState, summary: RoundSummary): Promise<void> {
    const attempt = new Date();
    // A long resynchronisation keeps its lease: renewed every third of it while the harvest runs.
    const renew = setInterval(() => void this.renewLease(state.siren).catch(() => {}), Math.max(1000, Math.floor(this.options.leaseMs / 3)));
    renew.unref();
    try {
      const outcome = await harvestMember({ prisma: this.options.prisma, timeoutMs: this.options.timeoutMs, fetch: this.options.fetch, onMemberRequest: this.options.onMemberRequest }, state);
      await this.release(state.siren, { lastAttemptAt: attempt, lastSuccessAt: new Date(), lastError: null });
      summary.harvested.push(state.siren);
      if (outcome.resync) {
        summary.resynced.push(state.siren);
        this.options.logger.info({ siren: state.siren, reason: outcome.resync }, 'member resynchronised in full');
      }
      this.options.onHarvested?.(state.siren, outcome, null);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      await this.release(state.siren, { lastAttemptAt: attempt, lastError: message.slice(0, 1000) }).catch(() => {});
      summary.failed.push({ siren: state.siren, error: message });
      this.options.logger.warn({ siren: state.siren, err: message }, 'harvest failed: the member keeps its last harvested content');
      this.options.onHarvested?.(state.siren, null, err);
    } finally {
      clearInterval(renew);
    }
  }

  private async renewLease(siren: string): Promise<void> {
    const { prisma, instanceId, leaseMs } = this.options;
    await prisma.harvestState.updateMany({ where: { siren, leaseOwner: instanceId }, data: { leaseUntil: new Date(Date.now() + leaseMs) } });
  }

  /**
   * One round: harvests every member due by `dueBy` that this instance can lease, `concurrency`
   * at a time. Members leased by another instance are left to it.
   */
  async round(dueBy = new Date(), only?: string[]): Promise<RoundSummary> {
    const summary: RoundSummary = { harvested: [], failed: [], resynced: [] };
    const counts = this.membersSynced;
    const inFlight = new Set<Promise<void>>();
    let exhausted = false;
    while (!exhausted || inFlight.size) {
      if (!exhausted && inFlight.size < this.options.concurrency) {
        const claimed = await this.claim(this.options.concurrency - inFlight.size, dueBy, only);
        if (!claimed.length) exhausted = true;
        for (const state of claimed) {
          const p: Promise<void> = this.harvestOne(state, summary).finally(() => inFlight.delete(p));
          inFlight.add(p);
        }
        if (claimed.length) continue;
      }
      if (inFlight.size) await Promise.race(inFlight);
    }
    if (counts) this.roundsCompleted++;
    return summary;
  }

  /** A round of everything due within one interval (what `harvestOnce()` runs). */
  harvestNow(only?: string[]): Promise<RoundSummary> {
    this.running ??= this.round(new Date(Date.now() + this.options.intervalMs), only).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Marks members for a full resynchronisation at their next harvest (all of them when none given). */
  async requestResync(sirens?: string[]): Promise<number> {
    const { count } = await this.options.prisma.harvestState.updateMany({
      where: sirens ? { siren: { in: sirens } } : {},
      data: { needsResync: true, nextHarvestAt: new Date(0) },
    });
    return count;
  }

  /** Harvests in the background: a round whenever members are due. */
  start(tickMs = Math.max(50, Math.min(500, Math.floor(this.options.intervalMs / 4)))): void {
    const tick = async () => {
      if (this.stopped) return;
      try {
        this.running ??= this.round().finally(() => {
          this.running = null;
        });
        await this.running;
      } catch (err) {
        this.options.logger.error({ err }, 'harvest round failed');
      }
      if (!this.stopped) this.timer = setTimeout(tick, tickMs);
    };
    this.timer = setTimeout(tick, 0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => {});
  }
}
