import { maySeePartnerContent, type RegistryContext } from '../context';
import { decodeCursor, encodeCursor, pageSize, type Connection } from '@bibia/kit';
import type { Change } from './registry';
import type { ChangeKind, EntityType } from '../shared/enums';
import { badInput } from '@bibia/kit';

const SEQ_DIGITS = 12;

/** `<siren>:change:<zero-padded seq>`: ids sort like the sequence, and are unique across members. */
function changeId(siren: string, seq: number): string {
  return `${siren}:change:${String(seq).padStart(SEQ_DIGITS, '0')}`;
}

/**
 * Changes of reports kept for partners are for publishers and partners only: their ids derive
 * from their titles, so even an id says what the report is about. A harvester that follows the
 * public feed notices such a report's disappearance through the published counts
 * (`registry.reportCount`).
 */
async function hiddenChanges(ctx: RegistryContext) {
  if (maySeePartnerContent(ctx)) return {};
  const partners = await ctx.prisma.practiceReport.findMany({ where: { visibility: 'PARTNERS' }, select: { id: true } });
  return partners.length ? { NOT: { entityType: 'PRACTICE_REPORT', entityId: { in: partners.map((r) => r.id) } } } : {};
}

/**
 * The change feed, oldest first, strictly after `since`; cursor `[at ISO, change id]`
 * (ascending, ties by id), global across members like every cursor of the contract.
 */
export async function listChanges(ctx: RegistryContext, since: Date, first: number, after?: string): Promise<Connection<Change>> {
  const n = pageSize(first, 100);
  let from = { at: since, seq: Number.MAX_SAFE_INTEGER, strict: true };
  if (after) {
    const [at, id] = decodeCursor(after);
    const m = /^\d{9}:change:(\d+)$/.exec(id);
    if (!m || Number.isNaN(Date.parse(at))) throw badInput('Invalid cursor for `changes`', { field: 'after' });
    // Ties on `at` across members sort by id: this member's ids compare with the cursor's id.
    const ownerPrefix = `${ctx.owner.siren}:change:`;
    const seqAfter = id.startsWith(ownerPrefix) ? Number(m[1]) : id < ownerPrefix ? -1 : Number.MAX_SAFE_INTEGER;
    from = { at: new Date(at), seq: seqAfter, strict: false };
  }
  const hidden = await hiddenChanges(ctx);
  const position = from.strict
    ? { at: { gt: from.at } }
    : { OR: [{ at: { gt: from.at } }, { at: from.at, seq: { gt: from.seq } }] };
  const [rows, totalCount] = await Promise.all([
    ctx.prisma.changeEvent.findMany({ where: { AND: [position, hidden] }, orderBy: [{ at: 'asc' }, { seq: 'asc' }], take: n + 1 }),
    ctx.prisma.changeEvent.count({ where: { AND: [{ at: { gt: since } }, hidden] } }),
  ]);
  const edges = rows.slice(0, n).map((r) => {
    const node: Change = {
      id: changeId(ctx.owner.siren, r.seq),
      entityType: r.entityType as EntityType,
      entityId: r.entityId,
      kind: r.kind as ChangeKind,
      version: r.version,
      at: r.at,
    };
    return { cursor: encodeCursor([r.at.toISOString(), node.id]), node };
  });
  return { edges, pageInfo: { hasNextPage: rows.length > n, endCursor: edges.at(-1)?.cursor ?? null }, totalCount };
}
