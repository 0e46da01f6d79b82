import { isObject } from '@bibia/kit';
import { conformanceTransport, type ConformanceTransport } from './conformanceTransport';
import { namedType, type SchemaModel } from './schemaModel';

/** Options of {@link probeRegistry}. */
export interface ProbeOptions {
  /** The member's GraphQL endpoint. */
  url: string;
  /** The contract: probes ask only for what it declares. */
  contract: SchemaModel;
  /** The candidate's own schema: a probe of a root field it lacks is skipped (already a difference). */
  candidate: SchemaModel;
  /** The SIREN the member must serve; inferred from its tool ids when omitted. */
  siren?: string;
  /** @default 5000 */
  timeoutMs?: number;
  /** How requests are sent and failures worded. @default conformanceTransport() (plain `postGraphQL`) */
  transport?: ConformanceTransport;
}

export interface ProbeResult {
  differences: string[];
  /** Probes that could not run, and why (not failures). */
  notes: string[];
  /** Probes that ran and passed. */
  checks: string[];
  siren?: string;
  /** `Registry.contractVersion` as the member reports it, when the contract has that field. */
  contractVersion?: string;
}

interface ConnectionPage {
  ids: string[];
  cursors: string[];
  hasNextPage: boolean;
  endCursor: string | null;
}

/** Another collectivité's SIREN (Département du Nord, or de l'Aisne for the Nord itself). */
const OTHER_SIREN = (siren: string) => (siren === '225900018' ? '220200026' : '225900018');
const PAGE_SIZE = 2;

/**
 * Live probes of a member registry, as the contract (docs/contract.md) requires:
 * `registry(siren:)` answers for its SIREN and only for it; `aiTools` pages neither repeat nor
 * disorder ids, which start with `<siren>:`, and cursors are `[sortValue, id]` keysets;
 * `_entities` resolves AiTool ids in order, null for an unknown one.
 */
export async function probeRegistry(options: ProbeOptions): Promise<ProbeResult> {
  const result: ProbeResult = { differences: [], notes: [], checks: [], siren: options.siren };
  const fail = (message: string) => result.differences.push(message);
  const transport = options.transport ?? conformanceTransport();
  const ask = async (label: string, query: string, variables: Record<string, unknown>) => {
    const answer = await transport.post(options.url, query, variables, { timeoutMs: options.timeoutMs });
    if (!answer.ok) return void fail(`${label}: ${transport.describeFailure(answer)}`);
    if (answer.errors.length) return void fail(`${label}: answered with errors: ${transport.describeErrors(answer.errors)}`);
    return answer.data ?? undefined;
  };
  const contractQuery = options.contract.get('Query');
  const candidateQuery = options.candidate.get('Query');
  const probed = (field: string) => !!contractQuery?.fields.has(field) && !!candidateQuery?.fields.has(field);

  // 1. First page of tools: it also tells the SIREN when none was given.
  let page1: ConnectionPage | undefined;
  const aiTools = contractQuery?.fields.get('aiTools');
  const toolsQuery = aiTools && connectionQuery(options.contract, aiTools.args);
  if (aiTools && probed('aiTools') && toolsQuery) {
    const label = `aiTools(first: ${PAGE_SIZE})`;
    const data = await ask(label, toolsQuery, { first: PAGE_SIZE, after: null });
    if (data) page1 = readConnection(label, data.aiTools, fail);
    if (page1 && !result.siren) {
      const prefix = page1.ids[0]?.split(':')[0];
      if (prefix && /^\d{9}$/.test(prefix)) result.siren = prefix;
    }
  }
  const siren = result.siren;

  // 2. registry(siren:)
  if (probed('registry')) {
    if (!siren) result.notes.push('registry(siren:) not probed: no SIREN given and no tool id to infer it from');
    else await probeRegistryField(options, siren, ask, result);
  }

  // 3. Tool ids, cursors and the next page.
  if (page1 && toolsQuery) {
    if (!page1.ids.length) {
      result.notes.push('the registry lists no tool: pagination and _entities probes had nothing to check');
    } else {
      if (siren) checkIdPrefixes(`aiTools(first: ${PAGE_SIZE})`, page1.ids, siren, fail);
      let all = page1;
      if (page1.hasNextPage) {
        const label = `aiTools(first: ${PAGE_SIZE}, after: endCursor)`;
        const data = await ask(label, toolsQuery, { first: PAGE_SIZE, after: page1.endCursor });
        const page2 = data ? readConnection(label, data.aiTools, fail) : undefined;
        if (page2) {
          if (!page2.ids.length) fail(`${label}: empty, although the first page said hasNextPage: true`);
          for (const id of page2.ids) if (page1.ids.includes(id)) fail(`${label}: repeats id ${id} of the first page`);
          if (siren) checkIdPrefixes(label, page2.ids, siren, fail);
          all = { ...page2, ids: [...page1.ids, ...page2.ids], cursors: [...page1.cursors, ...page2.cursors] };
        }
      }
      checkCursorOrder('aiTools', all, fail);
      result.checks.push(`aiTools pagination (${all.ids.length} tools seen)`);
    }
  }

  // 4. _entities with the ids of the first page, plus an unknown id.
  if (page1?.ids.length && options.contract.has('AiTool')) {
    await probeEntities(options, page1.ids, siren ?? page1.ids[0].split(':')[0], ask, result);
  }
  return result;
}

type Ask = (label: string, query: string, variables: Record<string, unknown>) => Promise<Record<string, unknown> | undefined>;

async function probeRegistryField(options: ProbeOptions, siren: string, ask: Ask, result: ProbeResult): Promise<void> {
  const field = options.contract.get('Query')!.fields.get('registry')!;
  const registryType = options.contract.get(namedType(field.type));
  const collectiviteField = registryType?.fields.get('collectivite');
  let sirenPath: string[] = [];
  let selection = '__typename';
  if (registryType?.fields.has('siren')) {
    selection = 'siren';
    sirenPath = ['siren'];
  } else if (collectiviteField && options.contract.get(namedType(collectiviteField.type))?.fields.has('siren')) {
    selection = 'collectivite { siren }';
    sirenPath = ['collectivite', 'siren'];
  }
  const hasVersion = namedType(registryType?.fields.get('contractVersion')?.type ?? '') === 'String';
  if (hasVersion) selection += ' contractVersion';
  const argType = field.args.get('siren')?.type ?? 'String!';
  const query = `query BibiaConformanceRegistry($siren: ${argType}) { registry(siren: $siren) { ${selection} } }`;

  const label = `registry(siren: "${siren}")`;
  const data = await ask(label, query, { siren });
  if (data) {
    const registry = data.registry;
    if (!isObject(registry)) {
      result.differences.push(`${label}: returned ${JSON.stringify(registry ?? null)}, expected this member's registry`);
    } else {
      const answered = sirenPath.reduce<unknown>((v, key) => (isObject(v) ? v[key] : undefined), registry);
      if (sirenPath.length && answered !== siren) {
        result.differences.push(`${label}: answers for SIREN ${JSON.stringify(answered ?? null)}, expected "${siren}"`);
      } else {
        result.checks.push('registry(siren:) answers for its SIREN');
      }
      if (hasVersion && typeof registry.contractVersion === 'string') result.contractVersion = registry.contractVersion;
    }
  }
  const other = OTHER_SIREN(siren);
  const otherLabel = `registry(siren: "${other}")`;
  const otherData = await ask(otherLabel, query, { siren: other });
  if (otherData) {
    if (otherData.registry !== null) result.differences.push(`${otherLabel}: must be null for another collectivité's SIREN`);
    else result.checks.push("registry(siren:) is null for another collectivité's SIREN");
  }
}

async function probeEntities(options: ProbeOptions, ids: string[], siren: string, ask: Ask, result: ProbeResult): Promise<void> {
  const unknown = `${siren}:bibia-conformance-unknown-tool`;
  const representations = [...ids, unknown].map((id) => ({ __typename: 'AiTool', id }));
  const label = '_entities(AiTool)';
  const data = await ask(
    label,
    'query BibiaConformanceEntities($representations: [_Any!]!) { _entities(representations: $representations) { ... on AiTool { id } } }',
    { representations },
  );
  if (!data) return;
  const entities = data._entities;
  if (!Array.isArray(entities) || entities.length !== representations.length) {
    result.differences.push(`${label}: expected a list of ${representations.length} entities, got ${describeValue(entities)}`);
    return;
  }
  let ok = true;
  ids.forEach((id, i) => {
    const got = isObject(entities[i]) ? entities[i].id : entities[i];
    if (got !== id) {
      ok = false;
      result.differences.push(`${label}: entity ${i} should be ${id}, got ${JSON.stringify(got ?? null)}`);
    }
  });
  if (entities[ids.length] !== null) {
    ok = false;
    result.differences.push(`${label}: an unknown id (${unknown}) must give null, got ${JSON.stringify(entities[ids.length])}`);
  }
  if (ok) result.checks.push('_entities resolves AiTool ids in order, null for an unknown one');
}

/** The query of a page of a connection field, with the argument types the contract gives. */
function connectionQuery(contract: SchemaModel, args: Map<string, { type: string }>): string | undefined {
  if (!args.has('first') || !args.has('after')) return undefined;
  const connection = contract.get(namedType(contract.get('Query')!.fields.get('aiTools')!.type));
  const total = connection?.fields.has('totalCount') ? ' totalCount' : '';
  return (
    `query BibiaConformanceAiTools($first: ${args.get('first')!.type}, $after: ${args.get('after')!.type}) ` +
    `{ aiTools(first: $first, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor }${total} } }`
  );
}

function readConnection(label: string, value: unknown, fail: (m: string) => void): ConnectionPage | undefined {
  if (!isObject(value) || !Array.isArray(value.edges) || !isObject(value.pageInfo)) {
    return void fail(`${label}: not a connection { edges pageInfo }: ${describeValue(value)}`);
  }
  const { hasNextPage, endCursor } = value.pageInfo;
  if (typeof hasNextPage !== 'boolean') return void fail(`${label}: pageInfo.hasNextPage is not a boolean`);
  if (endCursor !== null && typeof endCursor !== 'string') return void fail(`${label}: pageInfo.endCursor is not a string`);
  const ids: string[] = [];
  const cursors: string[] = [];
  for (const edge of value.edges) {
    const id = isObject(edge) && isObject(edge.node) ? edge.node.id : undefined;
    const cursor = isObject(edge) ? edge.cursor : undefined;
    if (typeof id !== 'string' || typeof cursor !== 'string' || !cursor) return void fail(`${label}: an edge lacks a cursor or node.id`);
    ids.push(id);
    cursors.push(cursor);
  }
  if (ids.length > PAGE_SIZE) fail(`${label}: ${ids.length} edges returned for first: ${PAGE_SIZE}`);
  if (new Set(ids).size !== ids.length) fail(`${label}: the same id appears twice on one page`);
  if (ids.length && endCursor !== cursors[cursors.length - 1]) fail(`${label}: pageInfo.endCursor is not the cursor of the last edge`);
  if (hasNextPage && typeof endCursor !== 'string') return void fail(`${label}: hasNextPage is true but endCursor is null`);
  if (typeof value.totalCount === 'number' && value.totalCount < ids.length) fail(`${label}: totalCount ${value.totalCount} is below the page's ${ids.length} edges`);
  return { ids, cursors, hasNextPage, endCursor: endCursor as string | null };
}

const TOOL_ID = /^(\d{9}):[a-z0-9-]{1,80}$/;

function checkIdPrefixes(label: string, ids: string[], siren: string, fail: (m: string) => void): void {
  for (const id of ids) {
    const match = TOOL_ID.exec(id);
    if (!match) fail(`${label}: id ${JSON.stringify(id)} is not <siren>:<slug>`);
    else if (match[1] !== siren) fail(`${label}: id ${id} does not start with ${siren}:`);
  }
}

/**
 * Cursors are `base64url(JSON.stringify([sortValue, id]))` naming their own node, strictly
 * increasing by (sortValue, id): what lets the gateway merge pages of several members.
 */
function checkCursorOrder(label: string, page: ConnectionPage, fail: (m: string) => void): void {
  const keys: [string, string][] = [];
  for (let i = 0; i < page.cursors.length; i++) {
    const key = decodeKeyset(page.cursors[i]);
    if (!key) return void fail(`${label}: cursor ${JSON.stringify(page.cursors[i])} is not base64url(JSON [sortValue, id])`);
    if (key[1] !== page.ids[i]) return void fail(`${label}: the cursor of ${page.ids[i]} names ${key[1]}`);
    keys.push(key);
  }
  for (let i = 1; i < keys.length; i++) {
    const [prevSort, prevId] = keys[i - 1];
    const [sort, id] = keys[i];
    if (sort < prevSort || (sort === prevSort && id <= prevId)) {
      return void fail(`${label}: ${page.ids[i]} comes after ${page.ids[i - 1]} but its cursor sorts before it`);
    }
  }
}

function decodeKeyset(cursor: string): [string, string] | undefined {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[1] === 'string' && typeof value[0] === 'string') return [value[0], value[1]];
  } catch {
    // not a keyset cursor
  }
  return undefined;
}

function describeValue(value: unknown): string {
  const text = JSON.stringify(value ?? null);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
