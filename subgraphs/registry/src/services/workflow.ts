import { conflict, notFound } from '@bibia/kit';
import type { Prisma } from '../generated/prisma/client';
import type { PublicationState } from '../generated/prisma/enums';
import type { RegistryContext } from '../context';
import { canSee } from '../context';
import type { RegistryPrisma } from '../storage';
import { ChangeKind, EntityType } from '../schema/enums';

export type Tx = Prisma.TransactionClient;

/** The columns every versioned entry has. */
export interface EntryRow {
  id: string;
  state: PublicationState;
  version: number;
  pendingDraft: unknown;
}

/**
 * How the publishing workflow reads and writes one kind of entry (tool or report). The workflow
 * itself — states, versions, change feed — is the same for both.
 */
export interface EntryKind<Row extends EntryRow, Rec> {
  entityType: EntityType;
  /** "tool" or "practice report", for messages. */
  label: string;
  find(tx: Tx | RegistryPrisma, id: string): Promise<Row | null>;
  /** The entry's fields as a record (the shape of its input and of version snapshots). */
  record(row: Row): Rec;
  /** Writes columns (fields of `rec` when given, plus workflow columns). */
  update(tx: Tx, id: string, rec: Rec | null, workflow: Record<string, unknown>): Promise<Row>;
  addVersion(tx: Tx, v: { id: string; number: number; state: PublicationState; change: string; data: Rec; note: string; author: string }): Promise<unknown>;
}

export async function findVisible<Row extends EntryRow, Rec>(ctx: RegistryContext, kind: EntryKind<Row, Rec>, id: string): Promise<Row> {
  const row = await kind.find(ctx.prisma, id);
  if (!row || !canSee(ctx, row.state)) throw notFound(`No ${kind.label} with id ${id}`, { id });
  return row;
}

async function recordChange(tx: Tx, entityType: EntityType, entityId: string, kind: ChangeKind, version: number) {
  await tx.changeEvent.create({ data: { entityType, entityId, kind, version } });
}

/**
 * Saves edited fields. A draft is changed in place (new version); a public entry keeps showing
 * its published version and the edit waits in `pendingDraft` until it is published.
 */
export async function saveEdit<Row extends EntryRow, Rec>(
  tx: Tx, kind: EntryKind<Row, Rec>, row: Row, rec: Rec, author: string,
): Promise<Row> {
  if (row.state === 'ARCHIVED') throw conflict(`This ${kind.label} is archived and can no longer change`, { id: row.id });
  if (row.state === 'DRAFT') {
    const version = row.version + 1;
    const updated = await kind.update(tx, row.id, rec, { version });
    await kind.addVersion(tx, { id: row.id, number: version, state: 'DRAFT', change: 'UPDATED', data: rec, note: '', author });
    return updated;
  }
  return kind.update(tx, row.id, null, { pendingDraft: rec as object });
}

export async function publish<Row extends EntryRow, Rec>(tx: Tx, kind: EntryKind<Row, Rec>, row: Row, author: string): Promise<Row> {
  const pending = (row.pendingDraft ?? null) as Rec | null;
  if (row.state === 'ARCHIVED') throw conflict(`This ${kind.label} is archived and cannot be published`, { id: row.id });
  if (row.state === 'PUBLISHED' && !pending) throw conflict(`This ${kind.label} is already published and has no pending changes`, { id: row.id });
  const version = row.version + 1;
  const rec = pending ?? kind.record(row);
  const change = row.state === 'PUBLISHED' ? ChangeKind.UPDATED : ChangeKind.PUBLISHED;
  const now = new Date();
  const updated = await kind.update(tx, row.id, pending, {
    state: 'PUBLISHED',
    version,
    pendingDraft: null,
    ...(row.state === 'DRAFT' ? { publishedAt: now } : {}),
  });
  await kind.addVersion(tx, { id: row.id, number: version, state: 'PUBLISHED', change: change === ChangeKind.UPDATED ? 'UPDATED' : 'PUBLISHED', data: rec, note: '', author });
  await recordChange(tx, kind.entityType, row.id, change, version);
  return updated;
}

export async function withdraw<Row extends EntryRow, Rec>(tx: Tx, kind: EntryKind<Row, Rec>, row: Row, reason: string, author: string): Promise<Row> {
  if (row.state !== 'PUBLISHED') throw conflict(`Only a published ${kind.label} can be withdrawn (this one is ${row.state})`, { id: row.id });
  const version = row.version + 1;
  const updated = await kind.update(tx, row.id, null, { state: 'WITHDRAWN', version });
  await kind.addVersion(tx, { id: row.id, number: version, state: 'WITHDRAWN', change: 'WITHDRAWN', data: kind.record(row), note: reason, author });
  await recordChange(tx, kind.entityType, row.id, ChangeKind.WITHDRAWN, version);
  return updated;
}

export async function archive<Row extends EntryRow, Rec>(tx: Tx, kind: EntryKind<Row, Rec>, row: Row, author: string): Promise<Row> {
  if (row.state === 'ARCHIVED') throw conflict(`This ${kind.label} is already archived`, { id: row.id });
  const version = row.version + 1;
  const updated = await kind.update(tx, row.id, null, { state: 'ARCHIVED', version, pendingDraft: null });
  await kind.addVersion(tx, { id: row.id, number: version, state: 'ARCHIVED', change: 'ARCHIVED', data: kind.record(row), note: '', author });
  if (row.state !== 'DRAFT') await recordChange(tx, kind.entityType, row.id, ChangeKind.ARCHIVED, version);
  return updated;
}
