import { aiToolModel, practiceReportModel, sortKey, type EntityModel } from '@bibia/registry/contract';
import { Prisma } from '../generated/prisma/client';
import type { IndexPrisma } from '../storage';
import { foldTexts, type WeightedTexts } from '../search/frenchSearch';
import { bumpDataVersion } from '../dataVersion';

/** An entry as a member's GraphQL answer gives it (see memberDocuments.ts). */
export type MemberNode = Record<string, any> & { __typename?: string; id: string; state: string };

const toDate = (v: unknown) => (typeof v === 'string' && v ? new Date(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00Z` : v) : null);

/** The model columns of a node: every field of the registry model, dates as `Date`. */
function modelColumns(model: EntityModel, node: MemberNode): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, f] of Object.entries(model.fields)) {
    if (f.output === false) continue;
    out[name] = f.kind === 'date' ? toDate(node[name]) : f.kind === 'objectList' ? (node[name] ?? []) : node[name];
  }
  return out;
}

function memberColumns(node: MemberNode, harvestedAt: Date) {
  return {
    siren: node.id.slice(0, 9),
    slug: node.slug as string,
    createdAt: new Date(node.createdAt),
    updatedAt: new Date(node.updatedAt),
    publishedAt: toDate(node.publishedAt),
    version: node.version as number,
    harvestedAt,
  };
}

export function toolRow(node: MemberNode, harvestedAt: Date) {
  return {
    id: node.id,
    ...memberColumns(node, harvestedAt),
    sortName: sortKey(node.name),
    ...modelColumns(aiToolModel, node),
    providerName: node.provider?.name ?? '',
    providerSiren: node.provider?.siren ?? null,
    productId: node.product?.id ?? null,
  } as unknown as Prisma.IndexedToolCreateInput;
}

export function reportRow(node: MemberNode, harvestedAt: Date) {
  return {
    id: node.id,
    ...memberColumns(node, harvestedAt),
    toolId: node.tool?.id as string,
    sortName: sortKey(node.title),
    ...modelColumns(practiceReportModel, node),
  } as unknown as Prisma.IndexedReportCreateInput;
}

/** What the search column of a tool is made of: name (A), summary (B), everything else people search (C). */
export function toolTexts(n: MemberNode): WeightedTexts {
  const sources = (n.dataSources ?? []).map((d: { name?: string; description?: string }) => `${d.name ?? ''} ${d.description ?? ''}`).join(' ');
  return {
    a: n.name ?? '',
    b: n.summary ?? '',
    c: [n.description, n.purpose, n.department, n.legalBasis, sources, n.provider?.name, n.product?.id].filter(Boolean).join(' '),
  };
}

export function reportTexts(n: MemberNode): WeightedTexts {
  return {
    a: n.title ?? '',
    b: n.context ?? '',
    c: [n.whatWasDone, n.results, n.lessons, n.ethics, n.costs, n.staffTraining, n.jobImpact, n.socialDialogue].filter(Boolean).join(' '),
  };
}

/** Whether an entry belongs in the index: published, and public for a report. */
export function isIndexable(node: MemberNode | null): node is MemberNode {
  if (!node || node.state !== 'PUBLISHED') return false;
  if (node.__typename === 'PracticeReport' || 'title' in node) return node.visibility === 'PUBLIC' && typeof node.tool?.id === 'string';
  return true;
}

const isReport = (n: MemberNode) => n.__typename === 'PracticeReport' || 'title' in n;

/** The columns the harvest writes: every scalar column of the table (the search vector is computed). */
const TOOL_COLUMNS = Object.values(Prisma.IndexedToolScalarFieldEnum);
const REPORT_COLUMNS = Object.values(Prisma.IndexedReportScalarFieldEnum);

/**
 * One statement for a batch of rows of one table: insert or replace each row, search vector
 * included. The rows travel as one JSON array that `jsonb_populate_record` reads with the table's
 * own column types (enums, enum arrays, dates, JSON), the folded search texts beside them.
 */
function upsertStatement(prisma: IndexPrisma, table: 'IndexedTool' | 'IndexedReport', columns: string[], rows: object[], texts: WeightedTexts[]) {
  const list = columns.map((c) => `"${c}"`).join(', ');
  const values = columns.map((c) => `r."${c}"`).join(', ');
  const updates = columns.filter((c) => c !== 'id').map((c) => `"${c}" = EXCLUDED."${c}"`).join(', ');
  const payload = JSON.stringify(rows.map((row, k) => ({ row, ...texts[k] })));
  return prisma.$executeRaw`
    INSERT INTO ${Prisma.raw(`"${table}" (${list}, search)`)}
    SELECT ${Prisma.raw(values)},
      setweight(to_tsvector('french', e.j->>'a'), 'A') || setweight(to_tsvector('french', e.j->>'b'), 'B') || setweight(to_tsvector('french', e.j->>'c'), 'C')
    FROM jsonb_array_elements(${payload}::jsonb) AS e(j)
    CROSS JOIN LATERAL jsonb_populate_record(NULL::${Prisma.raw(`"${table}"`)}, e.j->'row') AS r
    ON CONFLICT (id) DO UPDATE SET ${Prisma.raw(`${updates}, search = EXCLUDED.search`)}`;
}

/**
 * Writes a batch in one transaction: indexable entries inserted or replaced (one statement per
 * table, search vector included), withdrawn ones deleted, and the content version bumped last.
 */
export async function writeEntries(prisma: IndexPrisma, nodes: MemberNode[], harvestedAt: Date, gone: { tools: string[]; reports: string[] } = { tools: [], reports: [] }): Promise<void> {
  // A batch could name an id twice (a member answering twice): one statement may not update a row twice.
  const unique = [...new Map(nodes.map((n) => [n.id, n])).values()];
  const tools = unique.filter((n) => !isReport(n));
  const reports = unique.filter(isReport);
  const statements: Prisma.PrismaPromise<unknown>[] = [];
  if (tools.length) {
    statements.push(upsertStatement(prisma, 'IndexedTool', TOOL_COLUMNS, tools.map((n) => toolRow(n, harvestedAt)), tools.map((n) => foldTexts(toolTexts(n)))));
  }
  if (reports.length) {
    statements.push(upsertStatement(prisma, 'IndexedReport', REPORT_COLUMNS, reports.map((n) => reportRow(n, harvestedAt)), reports.map((n) => foldTexts(reportTexts(n)))));
  }
  if (gone.tools.length) statements.push(prisma.indexedTool.deleteMany({ where: { id: { in: gone.tools } } }));
  if (gone.reports.length) statements.push(prisma.indexedReport.deleteMany({ where: { id: { in: gone.reports } } }));
  if (statements.length) await prisma.$transaction([...statements, bumpDataVersion(prisma)]);
}

/** Counts of a member's entries, as its `registry { toolCount reportCount }` counts them. */
export async function memberCounts(prisma: IndexPrisma, siren: string): Promise<{ tools: number; reports: number }> {
  const [tools, reports] = await Promise.all([
    prisma.indexedTool.count({ where: { siren } }),
    prisma.indexedReport.count({ where: { siren } }),
  ]);
  return { tools, reports };
}
