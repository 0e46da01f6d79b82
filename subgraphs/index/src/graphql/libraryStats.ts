import { Arg, Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { AiToolFilter } from '@bibia/registry/contract';
import { Prisma } from '../generated/prisma/client';
import { toolConditions } from '../reading/filters';
import type { IndexContext } from '../reading/context';
import type { ActiveMembers } from '../members/ActiveMembers';
import type { IndexPrisma } from '../storage';

const { sql, join } = Prisma;

@ObjectType({ description: 'How many tools have one value of a dimension (a theme, a status, a région...).' })
export class LibraryCount {
  @Field({ description: 'The value, as a string: an enum value, a région or département code, a product id.' })
  key!: string;

  @Field(() => Int, { description: 'Number of matching tools with that value.' })
  count!: number;
}

@ObjectType({ description: 'National figures of the library, for the tools matching a filter (published public content of active members).' })
export class LibraryStats {
  @Field(() => Int, { description: 'Matching tools.' })
  toolCount!: number;

  @Field(() => Int, { description: 'Published public practice reports on the matching tools.' })
  reportCount!: number;

  @Field(() => Int, { description: 'Members with at least one matching tool.' })
  memberCount!: number;

  @Field(() => [LibraryCount], { description: 'Tools per theme (a tool counts once for each of its themes). Counts descending, then key.' })
  byTheme!: LibraryCount[];

  @Field(() => [LibraryCount], { description: 'Tools per life-cycle status.' })
  byStatus!: LibraryCount[];

  @Field(() => [LibraryCount], { description: 'Tools per AI Act risk level.' })
  byRiskLevel!: LibraryCount[];

  @Field(() => [LibraryCount], { description: 'Tools per algorithm type.' })
  byAlgorithmType!: LibraryCount[];

  @Field(() => [LibraryCount], { description: 'Tools per hosting.' })
  byHosting!: LibraryCount[];

  @Field(() => [LibraryCount], { description: 'Tools per product of the shared catalogue (tools without a product are not counted).' })
  byProduct!: LibraryCount[];

  @Field(() => [LibraryCount], { description: 'Tools per région code of their collectivité (members without a région are not counted).' })
  byRegion!: LibraryCount[];

  @Field(() => [LibraryCount], { description: 'Tools per département code of their collectivité.' })
  byDepartement!: LibraryCount[];

  @Field(() => [LibraryCount], { description: 'Members with at least one matching tool, per département code.' })
  membersByDepartement!: LibraryCount[];

  @Field(() => [LibraryCount], { description: 'Tools per month of their publication by their member (key "YYYY-MM", UTC), oldest first; tools never published are not counted.' })
  byPublicationMonth!: LibraryCount[];
}

type Dimension = 'theme' | 'status' | 'risk' | 'algorithm' | 'hosting' | 'product' | 'siren' | 'month';

const sorted = (counts: Map<string, number>): LibraryCount[] =>
  [...counts].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

/** The figures in two SQL statements, whatever the number of members. */
export async function libraryStats(prisma: IndexPrisma, members: ActiveMembers, filter: AiToolFilter = {}): Promise<LibraryStats> {
  const { where } = toolConditions(members, filter);
  const matching = sql`SELECT * FROM "IndexedTool" WHERE ${join(where, ' AND ')}`;
  const [rows, reports] = await Promise.all([
    prisma.$queryRaw<{ dim: Dimension; key: string; n: number }[]>(sql`
      WITH t AS (${matching})
      SELECT 'theme' AS dim, k AS key, count(*)::int AS n FROM t, unnest(t.themes::text[]) AS k GROUP BY k
      UNION ALL SELECT 'status', status::text, count(*)::int FROM t GROUP BY status
      UNION ALL SELECT 'risk', "riskLevel"::text, count(*)::int FROM t GROUP BY "riskLevel"
      UNION ALL SELECT 'algorithm', "algorithmType"::text, count(*)::int FROM t GROUP BY "algorithmType"
      UNION ALL SELECT 'hosting', hosting::text, count(*)::int FROM t GROUP BY hosting
      UNION ALL SELECT 'product', "productId", count(*)::int FROM t WHERE "productId" IS NOT NULL GROUP BY "productId"
      UNION ALL SELECT 'siren', siren, count(*)::int FROM t GROUP BY siren
      UNION ALL SELECT 'month', to_char("publishedAt", 'YYYY-MM'), count(*)::int FROM t WHERE "publishedAt" IS NOT NULL GROUP BY 2`),
    prisma.$queryRaw<{ n: number }[]>(sql`
      WITH t AS (${matching})
      SELECT count(*)::int AS n FROM "IndexedReport" r JOIN t ON t.id = r."toolId"`),
  ]);
  const by: Record<Dimension | 'region' | 'departement' | 'membersByDepartement', Map<string, number>> = {
    theme: new Map(), status: new Map(), risk: new Map(), algorithm: new Map(), hosting: new Map(), product: new Map(), siren: new Map(),
    month: new Map(), region: new Map(), departement: new Map(), membersByDepartement: new Map(),
  };
  for (const r of rows) by[r.dim].set(r.key, Number(r.n));
  let toolCount = 0;
  for (const [siren, n] of by.siren) {
    toolCount += n;
    const m = members.get(siren);
    if (m?.region) by.region.set(m.region, (by.region.get(m.region) ?? 0) + n);
    if (m?.departement) {
      by.departement.set(m.departement, (by.departement.get(m.departement) ?? 0) + n);
      by.membersByDepartement.set(m.departement, (by.membersByDepartement.get(m.departement) ?? 0) + 1);
    }
  }
  return {
    toolCount,
    reportCount: Number(reports[0]?.n ?? 0),
    memberCount: by.siren.size,
    byTheme: sorted(by.theme),
    byStatus: sorted(by.status),
    byRiskLevel: sorted(by.risk),
    byAlgorithmType: sorted(by.algorithm),
    byHosting: sorted(by.hosting),
    byProduct: sorted(by.product),
    byRegion: sorted(by.region),
    byDepartement: sorted(by.departement),
    membersByDepartement: sorted(by.membersByDepartement),
    byPublicationMonth: [...by.month].map(([key, count]) => ({ key, count })).sort((a, b) => (a.key < b.key ? -1 : 1)),
  };
}

@Resolver()
export class LibraryStatsResolver {
  @Query(() => LibraryStats, { nullable: true, description: 'National figures of the library in one query: counts per theme, status, risk level, algorithm type, hosting, product, région, département and month of publication, members per département, and totals. Served by the national index; null (with an INDEX_UNAVAILABLE error) when it does not answer.' })
  libraryStats(@Arg('filter', () => AiToolFilter, { nullable: true }) filter: AiToolFilter | undefined, @Ctx() ctx: IndexContext): Promise<LibraryStats> {
    return libraryStats(ctx.prisma, ctx.members, filter ?? {});
  }
}
