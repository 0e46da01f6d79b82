import { badInput, conflict, notFound } from '@bibia/kit';
import type { z } from 'zod';
import type { Prisma } from '../generated/prisma/client';
import type { PublicationState } from '../generated/prisma/enums';
import type { RegistryContext } from '../context';
import { canSee, requireOwnData, requirePublisher } from '../context';
import { makeId, slugify } from '../shared/ids';
import { parseOrThrow, withoutNulls } from '../shared/records';
import type { RegistryPrisma } from '../storage';
import { ChangeKind, EntityType } from '../shared/enums';

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
export interface EntryKind<Row extends EntryRow, Rec extends { slug: string }> {
  entityType: EntityType;
  /** "tool" or "practice report", for messages. */
  label: string;
  /** The validation of a record (plain text, limits, enums...). */
  schema: z.ZodType<Rec>;
  /** The field a slug is derived from when the input has none. */
  titleField: string;
  find(tx: Tx | RegistryPrisma, id: string): Promise<Row | null>;
  /** Creates the row of a new entry (a draft, version 1); `parent` is e.g. the tool of a report. */
  insert(tx: Tx, id: string, rec: Rec, parent?: string): Promise<Row>;
  /** The entry's fields as a record (the shape of its input and of version snapshots). */
  record(row: Row): Rec;
  /** Writes columns (fields of `rec` when given, plus workflow columns). */
  update(tx: Tx, id: string, rec: Rec | null, workflow: Record<string, unknown>): Promise<Row>;
  addVersion(tx: Tx, v: { id: string; number: number; state: PublicationState; change: string; data: Rec; note: string; author: string }): Promise<unknown>;
}

export async function findVisible<Row extends EntryRow, Rec extends { slug: string }>(ctx: RegistryContext, kind: EntryKind<Row, Rec>, id: string): Promise<Row> {
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
export async function saveEdit<Row extends EntryRow, Rec extends { slug: string }>(
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

export async function publish<Row extends EntryRow, Rec extends { slug: string }>(tx: Tx, kind: EntryKind<Row, Rec>, row: Row, author: string): Promise<Row> {
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

export async function withdraw<Row extends EntryRow, Rec extends { slug: string }>(tx: Tx, kind: EntryKind<Row, Rec>, row: Row, reason: string, author: string): Promise<Row> {
  if (row.state !== 'PUBLISHED') throw conflict(`Only a published ${kind.label} can be withdrawn (this one is ${row.state})`, { id: row.id });
  const version = row.version + 1;
  const updated = await kind.update(tx, row.id, null, { state: 'WITHDRAWN', version });
  await kind.addVersion(tx, { id: row.id, number: version, state: 'WITHDRAWN', change: 'WITHDRAWN', data: kind.record(row), note: reason, author });
  await recordChange(tx, kind.entityType, row.id, ChangeKind.WITHDRAWN, version);
  return updated;
}

export async function archive<Row extends EntryRow, Rec extends { slug: string }>(tx: Tx, kind: EntryKind<Row, Rec>, row: Row, author: string): Promise<Row> {
  if (row.state === 'ARCHIVED') throw conflict(`This ${kind.label} is already archived`, { id: row.id });
  const version = row.version + 1;
  const updated = await kind.update(tx, row.id, null, { state: 'ARCHIVED', version, pendingDraft: null });
  await kind.addVersion(tx, { id: row.id, number: version, state: 'ARCHIVED', change: 'ARCHIVED', data: kind.record(row), note: '', author });
  if (row.state !== 'DRAFT') await recordChange(tx, kind.entityType, row.id, ChangeKind.ARCHIVED, version);
  return updated;
}

/** Checks the input of a new entry; its slug is derived from its title when absent. */
export function parseNew<Row extends EntryRow, Rec extends { slug: string }>(kind: EntryKind<Row, Rec>, input: Record<string, unknown>): Rec {
  const candidate: Record<string, unknown> = withoutNulls(input);
  const title = candidate[kind.titleField];
  if (!candidate.slug && typeof title === 'string') candidate.slug = slugify(title);
  return parseOrThrow(kind.schema, candidate, kind.label);
}

/** Inserts a new entry (draft, version 1) with its first version row. */
export async function insertEntry<Row extends EntryRow, Rec extends { slug: string }>(
  tx: Tx, kind: EntryKind<Row, Rec>, id: string, rec: Rec, author: string, parent?: string, note = '',
): Promise<Row> {
  const row = await kind.insert(tx, id, rec, parent);
  await kind.addVersion(tx, { id, number: 1, state: 'DRAFT', change: 'CREATED', data: rec, note, author });
  return row;
}

/** Creates an entry of this registry as a draft; CONFLICT when its id is taken. */
export async function createEntry<Row extends EntryRow, Rec extends { slug: string }>(
  ctx: RegistryContext, kind: EntryKind<Row, Rec>, rec: Rec, author: string, parent?: string,
): Promise<Row> {
  const id = makeId(ctx.owner.siren, rec.slug);
  return ctx.prisma.$transaction(async (tx) => {
    if (await kind.find(tx, id)) throw conflict(`A ${kind.label} with id ${id} already exists: choose another slug`, { field: 'slug', id });
    return insertEntry(tx, kind, id, rec, author, parent);
  });
}

/** An entry the caller may change: a publisher token of this registry, an id of its own. */
async function editable<Row extends EntryRow, Rec extends { slug: string }>(ctx: RegistryContext, kind: EntryKind<Row, Rec>, id: string) {
  const author = requirePublisher(ctx).label;
  requireOwnData(ctx, id, 'id');
  return { author, row: await findVisible(ctx, kind, id) };
}

/** Applies a patch (given fields only) to the entry, or to its pending changes. */
export async function editEntry<Row extends EntryRow & { slug: string }, Rec extends { slug: string }>(
  ctx: RegistryContext, kind: EntryKind<Row, Rec>, id: string, patch: Record<string, unknown>,
): Promise<Row> {
  const { author, row } = await editable(ctx, kind, id);
  const changes = withoutNulls(patch);
  if (changes.slug !== undefined && changes.slug !== row.slug) throw badInput('The slug, part of the id, cannot change', { field: 'slug' });
  const base = (row.pendingDraft as Rec | null) ?? kind.record(row);
  const rec = parseOrThrow(kind.schema, { ...base, ...changes, slug: row.slug }, kind.label);
  return ctx.prisma.$transaction((tx) => saveEdit(tx, kind, row, rec, author));
}

export type Transition = 'publish' | 'withdraw' | 'archive';

/** Publishes, withdraws or archives an entry; `precondition` may refuse it first. */
export async function transitionEntry<Row extends EntryRow, Rec extends { slug: string }>(
  ctx: RegistryContext, kind: EntryKind<Row, Rec>, id: string, to: Transition, reason = '',
  precondition?: (row: Row) => Promise<void>,
): Promise<Row> {
  const { author, row } = await editable(ctx, kind, id);
  await precondition?.(row);
  return ctx.prisma.$transaction((tx) => {
    if (to === 'publish') return publish(tx, kind, row, author);
    if (to === 'withdraw') return withdraw(tx, kind, row, reason, author);
    return archive(tx, kind, row, author);
  });
}
