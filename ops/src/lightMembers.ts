import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
// `graphql` is what every subgraph here runs on (@bibia/kit pins it); ops/package.json does not
// declare it yet.
import { buildSchema, execute, GraphQLError, parse, specifiedRules, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { encodeCursor, normalizeText, parseCursor } from '@bibia/kit';
import { sortKey } from '@bibia/registry/contract';
import type { SyntheticMember } from './syntheticMembers';

/*
 * Light synthetic members: ONE HTTP server answering for many members at `/m/<siren>/graphql`,
 * from memory, with real GraphQL (the contract's schema, `schema/registry.graphql`, executed by
 * graphql-js): what the national index asks a member (`changes` + `registry` counts, `_entities`
 * of tools and reports, `aiTools` / `practiceReports` pages for a full resynchronisation) and
 * what live fan-out asks (`aiTools` with filters, both orders, contract cursors). For benchmarks
 * at 1,000 members, where 1,000 real registries (one database each) would measure the machine.
 *
 * Differences with a real registry: search is a plain accent-insensitive "every word is a
 * substring of name, summary, description or purpose" (not PostgreSQL's French full text); no
 * reports, no mutations, no drafts (every tool is published); nested member fields other than
 * the tool's own scalars and `provider` / `product` are null.
 */

const SCHEMA_FILE = path.join(__dirname, '..', '..', 'schema', 'registry.graphql');

export interface LightMembers {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** The GraphQL URL of one member. */
  graphqlUrl(siren: string): string;
  /** Requests received, per SIREN. */
  requests: Map<string, number>;
  close(): Promise<void>;
}

interface ToolNode {
  id: string;
  name: string;
  updatedAt: string;
  searchText: string;
  [field: string]: unknown;
}

interface MemberData {
  siren: string;
  departement: string;
  region: string;
  tools: ToolNode[];
  byId: Map<string, ToolNode>;
  /** NAME order, then id. */
  byName: ToolNode[];
  /** RECENT order (updatedAt descending), then id. */
  byRecent: ToolNode[];
}

const cursorOf = (node: ToolNode, order: string) => encodeCursor([order === 'RECENT' ? node.updatedAt : sortKey(node.name), node.id]);

function memberData(m: SyntheticMember, start: number): MemberData {
  const tools = m.seed.tools.map((t, k): ToolNode => {
    // Distinct, fixed times: RECENT has a stable order, the feed one change per tool.
    const at = new Date(start + k * 1000).toISOString();
    const { state: _state, providerName, providerSiren, productId, ...fields } = t as typeof t & { providerName?: string; providerSiren?: string; productId?: string };
    const node = {
      ...fields,
      id: `${m.siren}:${t.slug}`,
      name: t.name,
      state: 'PUBLISHED',
      version: 1,
      createdAt: at,
      updatedAt: at,
      publishedAt: at,
      provider: providerName ? { name: providerName, siren: providerSiren ?? null } : null,
      product: productId ? { id: productId } : null,
      collectivite: { siren: m.siren },
      practiceReports: [],
    } as unknown as ToolNode;
    node.searchText = normalizeText([t.name, t.summary, (t as any).description, (t as any).purpose].filter(Boolean).join(' '));
    return node;
  });
  const byName = [...tools].sort((a, b) => cmp(sortKey(a.name), sortKey(b.name)) || cmp(a.id, b.id));
  const byRecent = [...tools].sort((a, b) => cmp(b.updatedAt, a.updatedAt) || cmp(a.id, b.id));
  return { siren: m.siren, departement: m.departement, region: m.region, tools, byId: new Map(tools.map((t) => [t.id, t])), byName, byRecent };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function page(nodes: ToolNode[], args: { first?: number; after?: string | null; orderBy?: string }) {
  const order = args.orderBy ?? 'NAME';
  const first = args.first ?? 20;
  if (first < 1 || first > 100) throw new GraphQLError('`first` must be between 1 and 100', { extensions: { code: 'BAD_USER_INPUT' } });
  let start = 0;
  if (args.after) {
    const position = parseCursor(args.after);
    if (!position) throw new GraphQLError('`after` is not a cursor of this list', { extensions: { code: 'BAD_USER_INPUT' } });
    const [value, id] = position.map(String);
    // Keyset: the first node strictly after (value, id) in the list's order.
    start = nodes.findIndex((n) => {
      const v = order === 'RECENT' ? n.updatedAt : sortKey(n.name);
      return order === 'RECENT' ? v < value || (v === value && n.id > id) : v > value || (v === value && n.id > id);
    });
    if (start < 0) start = nodes.length;
  }
  const slice = nodes.slice(start, start + first);
  const edges = slice.map((node) => ({ cursor: cursorOf(node, order), node }));
  return {
    edges,
    totalCount: nodes.length,
    pageInfo: { hasNextPage: start + first < nodes.length, hasPreviousPage: start > 0, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
  };
}

const emptyPage = { edges: [], totalCount: 0, pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } };

function filterTools(m: MemberData, list: ToolNode[], filter: Record<string, any> | undefined): ToolNode[] | null {
  const f = filter ?? {};
  if (f.states && (f.states.length !== 1 || f.states[0] !== 'PUBLISHED')) throw new GraphQLError('Only PUBLISHED without a token', { extensions: { code: 'FORBIDDEN' } });
  if (f.sirens && !f.sirens.includes(m.siren)) return null;
  if (f.departement && f.departement !== m.departement) return null;
  if (f.region && f.region !== m.region) return null;
  const words = f.search ? normalizeText(String(f.search)).split(/\s+/).filter(Boolean) : [];
  const any = (wanted: string[] | undefined, have: unknown) => !wanted?.length || (Array.isArray(have) ? have.some((h) => wanted.includes(h)) : wanted.includes(have as string));
  return list.filter(
    (t) =>
      any(f.themes, t.themes) &&
      any(f.statuses, t.status) &&
      any(f.riskLevels, t.riskLevel) &&
      any(f.algorithmTypes, t.algorithmType) &&
      (!f.productId || (t.product as { id: string } | null)?.id === f.productId) &&
      (!f.updatedSince || t.updatedAt >= new Date(f.updatedSince).toISOString()) &&
      words.every((w) => t.searchText.includes(w)),
  );
}

function rootValue(m: MemberData) {
  return {
    aiTools: (args: { filter?: Record<string, unknown>; orderBy?: string; first?: number; after?: string }) => {
      const list = filterTools(m, args.orderBy === 'RECENT' ? m.byRecent : m.byName, args.filter);
      return list ? page(list, args) : emptyPage;
    },
    practiceReports: () => emptyPage,
    aiTool: ({ id }: { id: string }) => m.byId.get(id) ?? null,
    practiceReport: () => null,
    registry: ({ siren }: { siren: string }) => (siren === m.siren ? { siren: m.siren, toolCount: m.tools.length, reportCount: 0 } : null),
    changes: ({ since, first = 100, after }: { since: string; first?: number; after?: string | null }) => {
      // One change per tool, sequence k+1, at the tool's updatedAt; oldest first.
      const all = m.byRecent
        .slice()
        .reverse()
        .map((t, k) => ({ id: `${m.siren}:change:${String(k + 1).padStart(12, '0')}`, entityType: 'AI_TOOL', entityId: t.id, kind: 'PUBLISHED', at: t.updatedAt }));
      let from = all.findIndex((c) => c.at >= new Date(since).toISOString());
      if (from < 0) from = all.length;
      if (after) {
        const position = parseCursor(after);
        if (!position) throw new GraphQLError('`after` is not a cursor of the feed', { extensions: { code: 'BAD_USER_INPUT' } });
        const k = all.findIndex((c) => c.id === position[1]);
        if (k < 0) throw new GraphQLError('`after` names no change of this feed', { extensions: { code: 'BAD_USER_INPUT' } });
        from = Math.max(from, k + 1);
      }
      const slice = all.slice(from, from + first);
      const edges = slice.map((c) => ({ cursor: encodeCursor([c.at, c.id]), node: c }));
      return {
        edges,
        totalCount: all.length - from,
        pageInfo: { hasNextPage: from + first < all.length, hasPreviousPage: from > 0, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
      };
    },
    _entities: ({ representations }: { representations: { __typename: string; id?: string; siren?: string }[] }) =>
      representations.map((r) => {
        if (r.__typename === 'AiTool') {
          const t = r.id ? m.byId.get(r.id) : undefined;
          return t ? { __typename: 'AiTool', ...t } : null;
        }
        if (r.__typename === 'Collectivite' && r.siren === m.siren) return { __typename: 'Collectivite', siren: m.siren };
        return null;
      }),
    _service: { sdl: '' },
  };
}

let contractSchema: GraphQLSchema | undefined;
/** The contract's schema as published (federation definitions included), resolvers by root value. */
function schema(): GraphQLSchema {
  contractSchema ??= buildSchema(fs.readFileSync(SCHEMA_FILE, 'utf8'), { assumeValidSDL: true });
  return contractSchema;
}

/** Parsed and validated documents (the index sends the same few documents again and again). */
const documents = new Map<string, DocumentNode | readonly GraphQLError[]>();
function document(query: string): DocumentNode | readonly GraphQLError[] {
  let doc = documents.get(query);
  if (!doc) {
    try {
      const parsed = parse(query);
      const errors = validate(schema(), parsed, specifiedRules);
      doc = errors.length ? errors : parsed;
    } catch (err) {
      doc = [err instanceof GraphQLError ? err : new GraphQLError(String(err))];
    }
    if (documents.size > 1000) documents.clear();
    documents.set(query, doc);
  }
  return doc;
}

/**
 * Starts the members' server on a free port of 127.0.0.1. Tools get fixed, distinct update
 * times from `start` (ms), so that runs are comparable.
 */
export async function startLightMembers(members: SyntheticMember[], options: { start?: number } = {}): Promise<LightMembers> {
  const start = options.start ?? Date.UTC(2026, 0, 1);
  const data = new Map(members.map((m, i) => [m.siren, memberData(m, start + i * 60_000)]));
  const roots = new Map([...data].map(([siren, m]) => [siren, rootValue(m)]));
  const requests = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const match = /^\/m\/(\d{9})\/graphql$/.exec(req.url ?? '');
    const root = match && roots.get(match[1]);
    const send = (status: number, body: unknown) => {
      const text = JSON.stringify(body);
      res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
      res.end(text);
    };
    if (!root || req.method !== 'POST') {
      req.resume();
      return send(404, { errors: [{ message: 'no such member' }] });
    }
    requests.set(match[1], (requests.get(match[1]) ?? 0) + 1);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let body: { query?: string; variables?: Record<string, unknown>; operationName?: string };
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        return send(400, { errors: [{ message: 'body is not JSON' }] });
      }
      const doc = document(body.query ?? '');
      if (!('kind' in doc)) return send(400, { errors: doc.map((e) => ({ message: e.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })) });
      Promise.resolve(execute({ schema: schema(), document: doc, rootValue: root, variableValues: body.variables, operationName: body.operationName }))
        .then((result) => send(200, result.errors ? { ...result, errors: result.errors.map((e) => e.toJSON()) } : result))
        .catch((err: unknown) => send(500, { errors: [{ message: String(err) }] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.keepAliveTimeout = 30_000;
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    graphqlUrl: (siren) => `${url}/m/${siren}/graphql`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
