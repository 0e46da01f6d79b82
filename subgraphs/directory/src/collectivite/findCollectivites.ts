import { badInput, connectionFromRows, decodeCursor, pageSize, type Connection } from '@bibia/kit';
import type { Collectivite, Prisma, PrismaClient } from '../generated/prisma/client';
import { DEPARTEMENTS, REGIONS } from '../shared/geo';
import { searchWords } from '../shared/text';
import type { CollectiviteFilter } from './collectiviteFilter';

export interface FindCollectivitesArgs {
  filter?: CollectiviteFilter | null;
  first: number;
  after?: string | null;
}

/** A page of collectivités sorted by normalised name then SIREN (keyset pagination). */
export async function findCollectivites(prisma: PrismaClient, args: FindCollectivitesArgs): Promise<Connection<Collectivite>> {
  pageSize(args.first);
  const where = collectiviteWhere(args.filter ?? {});
  const page: Prisma.CollectiviteWhereInput = args.after ? { AND: [where, afterCursor(args.after)] } : where;
  const [rows, totalCount] = await Promise.all([
    prisma.collectivite.findMany({ where: page, orderBy: [{ sortName: 'asc' }, { siren: 'asc' }], take: args.first + 1 }),
    prisma.collectivite.count({ where }),
  ]);
  return connectionFromRows(rows, args.first, totalCount, (c) => [c.sortName, c.siren]);
}

function afterCursor(after: string): Prisma.CollectiviteWhereInput {
  const [sortName, siren] = decodeCursor(after);
  return { OR: [{ sortName: { gt: sortName } }, { sortName, siren: { gt: siren } }] };
}

export function collectiviteWhere(filter: CollectiviteFilter): Prisma.CollectiviteWhereInput {
  const and: Prisma.CollectiviteWhereInput[] = [];
  if (filter.kind) and.push({ kind: filter.kind });
  if (filter.departement != null) {
    if (!DEPARTEMENTS[filter.departement]) throw badInput(`filter.departement: unknown département code "${filter.departement}"`, { field: 'filter.departement' });
    and.push({ departement: filter.departement });
  }
  if (filter.region != null) {
    if (!REGIONS[filter.region]) throw badInput(`filter.region: unknown région code "${filter.region}"`, { field: 'filter.region' });
    and.push({ region: filter.region });
  }
  if (filter.memberStatus) and.push({ membership: { is: { status: filter.memberStatus } } });
  if (filter.memberOnly === true) and.push({ membership: { isNot: null } });
  if (filter.memberOnly === false) and.push({ membership: { is: null } });
  if (filter.search != null) {
    if (filter.search.length > 200) throw badInput('filter.search must have at most 200 characters', { field: 'filter.search' });
    and.push(...searchWhere(filter.search));
  }
  return and.length ? { AND: and } : {};
}

/**
 * `filter.search`: a SIREN (9 digits, spaces allowed), a commune's INSEE code or postal code
 * (5 characters: both are tried), or words that each start a word of the name, ignoring case,
 * accents and punctuation ("st omer" does not find "Saint-Omer", "saint om" does).
 */
export function searchWhere(search: string): Prisma.CollectiviteWhereInput[] {
  const compact = search.replace(/\s+/g, '').toUpperCase();
  if (/^\d{9}$/.test(compact)) return [{ siren: compact }];
  if (/^(\d{5}|2[AB]\d{3})$/.test(compact)) return [{ OR: [{ cogCode: compact }, { postalCodes: { has: compact } }] }];
  return searchWords(search).map((word) => ({ OR: [{ sortName: { startsWith: word } }, { sortName: { contains: ` ${word}` } }] }));
}
