import { errorMessages, parseCursor, postGraphQL, type PostFetch, type PostGraphQLResult } from '@bibia/kit';
import type { HarvestState } from '../generated/prisma/client';
import type { IndexPrisma } from '../storage';
import { CHANGES_QUERY, ENTITIES_QUERY, REPORTS_PAGE_QUERY, TOOLS_PAGE_QUERY } from './memberDocuments';
import { isIndexable, memberCounts, writeEntries, type MemberNode } from './storeEntries';
import { bumpDataVersion } from '../dataVersion';

export interface HarvestDeps {
  prisma: IndexPrisma;
  timeoutMs: number;
  /** The HTTP client for members (`guardedFetch` outside a development network). @default the global `fetch` */
  fetch?: PostFetch;
  /** Called before every request to a member (metrics, tests). */
  onMemberRequest?: (siren: string, operation: string) => void;
}

export interface HarvestOutcome {
  /** Changes applied from the feed. */
  changes: number;
  /** Why the member was resynchronised in full, if it was. */
  resync: string | null;
}

const EPOCH = '1970-01-01T00:00:00.000Z';
const BATCH = 100;

/** Why a feed cannot be continued: the member is resynchronised in full. */
class FeedBroken extends Error {}

/** A member's answer, or an Error that says why there is none. */
async function ask(deps: HarvestDeps, state: HarvestState, operation: string, query: string, variables: Record<string, unknown>) {
  deps.onMemberRequest?.(state.siren, operation);
  const answer: PostGraphQLResult = await postGraphQL(state.registryUrl, query, variables, { timeoutMs: deps.timeoutMs, operationName: operation, fetch: deps.fetch });
  if (!answer.ok) throw new Error(`${operation}: ${answer.failure} (${answer.detail})`);
  return answer;
}

const isOwn = (state: HarvestState, id: unknown) => typeof id === 'string' && id.startsWith(`${state.siren}:`);

function seqOf(changeId: string): number {
  const m = /:change:(\d+)$/.exec(changeId);
  return m ? Number(m[1]) : NaN;
}

/**
 * One harvest of one member (the caller holds its lease): continues its change feed from the
 * saved cursor, fetches what changed by id, stores what is published and public, deletes the rest.
 * A feed that cannot be continued — sequence numbers going backwards, cursor refused, counts that
 * differ from the member's once the feed is read to its end — leads to a full resynchronisation.
 */
export async function harvestMember(deps: HarvestDeps, state: HarvestState): Promise<HarvestOutcome> {
  if (state.needsResync) return { changes: 0, resync: await resync(deps, state, 'first harvest or resync requested') };
  try {
    return { changes: await followFeed(deps, state), resync: null };
  } catch (err) {
    if (!(err instanceof FeedBroken)) throw err;
    return { changes: 0, resync: await resync(deps, state, err.message) };
  }
}

async function followFeed(deps: HarvestDeps, state: HarvestState): Promise<number> {
  let after = state.feedCursor;
  let lastSeq = state.lastSeq;
  let applied = 0;
  for (;;) {
    const since = (after && parseCursor(after)?.[0]) || EPOCH;
    const answer = await ask(deps, state, 'BibiaIndexChanges', CHANGES_QUERY, { since, after, first: BATCH, siren: state.siren });
    if (answer.errors.length) {
      if (answer.errors.some((e) => (e.extensions as { code?: string } | undefined)?.code === 'BAD_USER_INPUT')) {
        throw new FeedBroken(`cursor refused (${errorMessages(answer.errors).join('; ')})`);
      }
      throw new Error(`changes: ${errorMessages(answer.errors).join('; ')}`);
    }
    const feed = answer.data?.changes as { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: { id: string; entityType: string; entityId: string } }[] };
    const registry = answer.data?.registry as { toolCount: number; reportCount: number } | null;
    if (!feed || !registry) throw new Error(`changes: the member did not answer for SIREN ${state.siren}`);
    const tools = new Set<string>();
    const reports = new Set<string>();
    for (const { node } of feed.edges) {
      const seq = seqOf(node.id);
      if (!node.id.startsWith(`${state.siren}:change:`) || !(seq > lastSeq)) {
        throw new FeedBroken(`change ${node.id} after sequence ${lastSeq}: the member's feed went backwards`);
      }
      lastSeq = seq;
      // A member speaks for its own entries only: ids are `<its siren>:<slug>`.
      if (isOwn(state, node.entityId)) (node.entityType === 'PRACTICE_REPORT' ? reports : tools).add(node.entityId);
    }
    await applyChanges(deps, state, [...tools], [...reports]);
    applied += feed.edges.length;
    after = feed.pageInfo.endCursor ?? after;
    await deps.prisma.harvestState.update({ where: { siren: state.siren }, data: { feedCursor: after, lastSeq } });
    if (!feed.pageInfo.hasNextPage) {
      const counts = await memberCounts(deps.prisma, state.siren);
      if (counts.tools !== registry.toolCount || counts.reports !== registry.reportCount) {
        throw new FeedBroken(`the member publishes ${registry.toolCount} tools and ${registry.reportCount} reports, the index holds ${counts.tools} and ${counts.reports}`);
      }
      return applied;
    }
  }
}

/** Fetches changed entries by id (batches of 100) and stores or deletes each. */
async function applyChanges(deps: HarvestDeps, state: HarvestState, toolIds: string[], reportIds: string[]): Promise<void> {
  const refs = [...toolIds.map((id) => ({ __typename: 'AiTool', id })), ...reportIds.map((id) => ({ __typename: 'PracticeReport', id }))];
  for (let i = 0; i < refs.length; i += BATCH) {
    const batch = refs.slice(i, i + BATCH);
    const answer = await ask(deps, state, 'BibiaIndexEntities', ENTITIES_QUERY, { representations: batch });
    const entities = answer.data?._entities as (MemberNode | null)[] | undefined;
    if (!Array.isArray(entities) || entities.length !== batch.length) {
      throw new Error(`_entities: ${answer.errors.length ? errorMessages(answer.errors).join('; ') : 'no answer for every representation'}`);
    }
    const keep: MemberNode[] = [];
    const gone = { tools: [] as string[], reports: [] as string[] };
    entities.forEach((node, k) => {
      if (node && node.id === batch[k].id && isIndexable({ ...node, __typename: batch[k].__typename })) keep.push({ ...node, __typename: batch[k].__typename });
      else (batch[k].__typename === 'AiTool' ? gone.tools : gone.reports).push(batch[k].id);
    });
    await writeEntries(deps.prisma, keep, new Date(), gone);
  }
}

/**
 * Full resynchronisation: reads the feed to its end (the position to continue from), then pages
 * through everything the member lists publicly, stores it, and deletes every row of the member
 * not seen in this pass (no duplicates: ids are keys; no ghosts: unseen rows are older).
 */
async function resync(deps: HarvestDeps, state: HarvestState, reason: string): Promise<string> {
  const started = new Date();
  let after: string | null = null;
  let lastSeq = 0;
  for (;;) {
    const answer = await ask(deps, state, 'BibiaIndexChanges', CHANGES_QUERY, { since: EPOCH, after, first: BATCH, siren: state.siren });
    if (answer.errors.length) throw new Error(`changes: ${errorMessages(answer.errors).join('; ')}`);
    const feed = answer.data?.changes as { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: { id: string } }[] } | undefined;
    if (!feed) throw new Error('changes: no answer');
    for (const { node } of feed.edges) lastSeq = Math.max(lastSeq, seqOf(node.id) || 0);
    after = feed.pageInfo.endCursor ?? after;
    if (!feed.pageInfo.hasNextPage) break;
  }
  for (const [operation, query, field] of [
    ['BibiaIndexTools', TOOLS_PAGE_QUERY, 'aiTools'],
    ['BibiaIndexReports', REPORTS_PAGE_QUERY, 'practiceReports'],
  ] as const) {
    let page: string | null = null;
    for (;;) {
      const answer = await ask(deps, state, operation, query, { after: page });
      const conn = answer.data?.[field] as { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: MemberNode }[] } | undefined;
      if (!conn) throw new Error(`${field}: ${errorMessages(answer.errors).join('; ') || 'no answer'}`);
      const typename = field === 'aiTools' ? 'AiTool' : 'PracticeReport';
      const nodes = conn.edges.map((e) => ({ ...e.node, __typename: typename })).filter((n) => isOwn(state, n.id) && isIndexable(n));
      await writeEntries(deps.prisma, nodes, new Date());
      page = conn.pageInfo.endCursor;
      if (!conn.pageInfo.hasNextPage || !page) break;
    }
  }
  await deps.prisma.$transaction([
    deps.prisma.indexedTool.deleteMany({ where: { siren: state.siren, harvestedAt: { lt: started } } }),
    deps.prisma.indexedReport.deleteMany({ where: { siren: state.siren, harvestedAt: { lt: started } } }),
    deps.prisma.harvestState.update({
      where: { siren: state.siren },
      data: { feedCursor: after, lastSeq, needsResync: false, resyncCount: { increment: 1 } },
    }),
    bumpDataVersion(deps.prisma),
  ]);
  return reason;
}
