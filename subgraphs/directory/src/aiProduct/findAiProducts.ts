import { badInput, connectionFromRows, decodeCursor, pageSize, type Connection } from '@bibia/kit';
import type { AiProduct, Prisma, PrismaClient } from '../generated/prisma/client';
import { searchWords } from '../shared/text';
import type { AiProductFilter } from './aiProductFilter';

export interface FindAiProductsArgs {
  filter?: AiProductFilter | null;
  first: number;
  after?: string | null;
}

/** A page of products sorted by normalised name then id (keyset pagination). */
export async function findAiProducts(prisma: PrismaClient, args: FindAiProductsArgs): Promise<Connection<AiProduct>> {
  pageSize(args.first);
  const where = aiProductWhere(args.filter ?? {});
  let page = where;
  if (args.after) {
    const [sortName, id] = decodeCursor(args.after);
    page = { AND: [where, { OR: [{ sortName: { gt: sortName } }, { sortName, id: { gt: id } }] }] };
  }
  const [rows, totalCount] = await Promise.all([
    prisma.aiProduct.findMany({ where: page, orderBy: [{ sortName: 'asc' }, { id: 'asc' }], take: args.first + 1 }),
    prisma.aiProduct.count({ where }),
  ]);
  return connectionFromRows(rows, args.first, totalCount, (p) => [p.sortName, p.id]);
}

function aiProductWhere(filter: AiProductFilter): Prisma.AiProductWhereInput {
  const and: Prisma.AiProductWhereInput[] = [];
  if (filter.category) and.push({ category: filter.category });
  if (filter.openSource != null) and.push({ openSource: filter.openSource });
  if (filter.search != null) {
    if (filter.search.length > 200) throw badInput('filter.search must have at most 200 characters', { field: 'filter.search' });
    for (const word of searchWords(filter.search)) and.push({ searchText: { contains: word } });
  }
  return and.length ? { AND: and } : {};
}
