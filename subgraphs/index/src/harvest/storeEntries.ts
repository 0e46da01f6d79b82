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

/** Writes indexable entries (insert or replace, search vector included) in one transaction. */
export async function upsertEntries(prisma: IndexPrisma, nodes: MemberNode[], harvestedAt: Date): Promise<void> {
  const tools = nodes.filter((n) => !isReport(n));
  const reports = nodes.filter(isReport);
  const statements: Prisma.PrismaPromise<unknown>[] = [];
  for (const n of tools) {
    const data = toolRow(n, harvestedAt);
    statements.push(prisma.indexedTool.upsert({ where: { id: n.id }, create: data, update: data }));
  }
  for (const n of reports) {
    const data = reportRow(n, harvestedAt);
    statements.push(prisma.indexedReport.upsert({ where: { id: n.id }, create: data, update: data }));
  }
  if (tools.length) statements.push(searchUpdate(prisma, 'IndexedTool', tools, toolTexts));
  if (reports.length) statements.push(searchUpdate(prisma, 'IndexedReport', reports, reportTexts));
  if (statements.length) await prisma.$transaction([...statements, bumpDataVersion(prisma)]);
}

function searchUpdate(prisma: IndexPrisma, table: 'IndexedTool' | 'IndexedReport', nodes: MemberNode[], texts: (n: MemberNode) => WeightedTexts) {
  const folded = nodes.map((n) => foldTexts(texts(n)));
  return prisma.$executeRaw`
    UPDATE ${Prisma.raw(`"${table}"`)} AS t SET search =
      setweight(to_tsvector('french', v.a), 'A') || setweight(to_tsvector('french', v.b), 'B') || setweight(to_tsvector('french', v.c), 'C')
    FROM (SELECT unnest(${nodes.map((n) => n.id)}::text[]) AS id, unnest(${folded.map((f) => f.a)}::text[]) AS a,
                 unnest(${folded.map((f) => f.b)}::text[]) AS b, unnest(${folded.map((f) => f.c)}::text[]) AS c) AS v
    WHERE t.id = v.id`;
}

/** Removes entries by id (withdrawn, archived, drafted again, gone). */
export async function deleteEntries(prisma: IndexPrisma, toolIds: string[], reportIds: string[]): Promise<void> {
  if (!toolIds.length && !reportIds.length) return;
  await prisma.$transaction([
    prisma.indexedTool.deleteMany({ where: { id: { in: toolIds } } }),
    prisma.indexedReport.deleteMany({ where: { id: { in: reportIds } } }),
    bumpDataVersion(prisma),
  ]);
}

/** Counts of a member's entries, as its `registry { toolCount reportCount }` counts them. */
export async function memberCounts(prisma: IndexPrisma, siren: string): Promise<{ tools: number; reports: number }> {
  const [tools, reports] = await Promise.all([
    prisma.indexedTool.count({ where: { siren } }),
    prisma.indexedReport.count({ where: { siren } }),
  ]);
  return { tools, reports };
}
