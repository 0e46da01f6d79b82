import { forbidden } from '@bibia/kit';
import { type AiToolFilter, type PracticeReportFilter } from '@bibia/registry/contract';
import { Prisma } from '../generated/prisma/client';
import { cannotServe } from '../errors';
import { toTsQuery } from '../search/frenchSearch';
import type { ActiveMembers } from '../members/ActiveMembers';
import { raw, sql, type Sql } from './keyset';

/** The index holds published entries only; drafts need a publisher token (as on a member). */
export function checkStates(states: string[] | null | undefined): void {
  if (!states?.length || states.every((s) => s === 'PUBLISHED')) return;
  if (states.includes('DRAFT')) {
    throw forbidden('Drafts are visible to the publishers of their registry only: send a publisher token', { field: 'filter.states' });
  }
  throw cannotServe(`it holds published entries only, not ${states.filter((s) => s !== 'PUBLISHED').join(', ')}`);
}

const list = (values: string[], type: string) => sql`ARRAY[${Prisma.join(values)}]::${raw(`"${type}"[]`)}`;

/**
 * Only members listed now, narrowed by the place filters (the index knows each member's place).
 * A national read needs no list of every member: rows of members that left are deleted when they
 * leave, and the few that left lately are excluded by name meanwhile.
 */
function memberCondition(members: ActiveMembers, f: { sirens?: string[]; departement?: string; region?: string }): Sql {
  if (f.sirens?.length || f.departement || f.region) return sql`siren = ANY(${members.sirensFor(f)}::text[])`;
  const gone = members.recentlyRemoved();
  return gone.length ? sql`NOT (siren = ANY(${gone}::text[]))` : sql`TRUE`;
}

/** Conditions of a tool list or of the figures; `search` is the tsquery text, if any. */
export function toolConditions(members: ActiveMembers, f: AiToolFilter = {}): { where: Sql[]; search: string | null } {
  checkStates(f.states);
  const where: Sql[] = [memberCondition(members, f)];
  if (f.themes?.length) where.push(sql`themes && ${list(f.themes, 'Theme')}`);
  if (f.statuses?.length) where.push(sql`status = ANY(${list(f.statuses, 'ToolStatus')})`);
  if (f.riskLevels?.length) where.push(sql`"riskLevel" = ANY(${list(f.riskLevels, 'RiskLevel')})`);
  if (f.algorithmTypes?.length) where.push(sql`"algorithmType" = ANY(${list(f.algorithmTypes, 'AlgorithmType')})`);
  if (f.productId) where.push(sql`"productId" = ${f.productId}`);
  if (f.updatedSince) where.push(sql`"updatedAt" >= (${f.updatedSince.toISOString()}::timestamptz AT TIME ZONE 'UTC')`);
  const search = toTsQuery(f.search);
  if (f.search?.trim() && !search) where.push(sql`false`);
  if (search) where.push(sql`search @@ to_tsquery('french', ${search})`);
  return { where, search };
}

export function reportConditions(members: ActiveMembers, f: PracticeReportFilter = {}): { where: Sql[]; search: string | null } {
  checkStates(f.states);
  const where: Sql[] = [memberCondition(members, f)];
  if (f.toolId) where.push(sql`"toolId" = ${f.toolId}`);
  if (f.themes?.length) where.push(sql`"toolId" IN (SELECT id FROM "IndexedTool" WHERE themes && ${list(f.themes, 'Theme')})`);
  if (f.updatedSince) where.push(sql`"updatedAt" >= (${f.updatedSince.toISOString()}::timestamptz AT TIME ZONE 'UTC')`);
  const search = toTsQuery(f.search);
  if (f.search?.trim() && !search) where.push(sql`false`);
  if (search) where.push(sql`search @@ to_tsquery('french', ${search})`);
  return { where, search };
}
