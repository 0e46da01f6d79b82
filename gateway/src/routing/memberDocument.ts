import { Kind, parse, print, stripIgnoredCharacters, visit, type DocumentNode, type FieldNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionNode, type SelectionSetNode } from 'graphql';
import type { FetchAnalysis, RootField } from './analyseFetch';

/** Prefix of the fields the gateway adds to a member's query for merging; never shown to clients. */
export const ALIAS_PREFIX = '__bibia_';
export const EDGES_ALIAS = `${ALIAS_PREFIX}edges`;
export const CURSOR_ALIAS = `${ALIAS_PREFIX}cursor`;
export const PAGE_INFO_ALIAS = `${ALIAS_PREFIX}pageInfo`;
export const TOTAL_COUNT_ALIAS = `${ALIAS_PREFIX}totalCount`;

/** A member's query and the variables it declares. */
export interface MemberQuery {
  query: string;
  variableNames: string[];
}

const cache = new WeakMap<DocumentNode, Map<string, MemberQuery>>();

/**
 * The query one member gets for a fetch: only the root fields that concern it, and, in every
 * connection, the page fields the merge needs (edge cursors, `pageInfo`, `totalCount`) under
 * `__bibia_` aliases, whatever the client selected. Unused variables and fragments are dropped so
 * the member's validation accepts it. Cached per fetch document.
 */
export function memberQuery(document: DocumentNode, analysis: FetchAnalysis, fields: RootField[]): MemberQuery {
  const connections = fields.filter((f) => f.kind === 'connection');
  const cacheKey = `${fields.map((f) => f.key).join(',')}|${connections.map((f) => `${f.key}:${pageFieldFlags(f)}`).join(',')}`;
  let perDocument = cache.get(document);
  if (!perDocument) cache.set(document, (perDocument = new Map()));
  const cached = perDocument.get(cacheKey);
  if (cached) return cached;
  const built = buildMemberDocument(analysis, new Set(fields.map((f) => f.key)), new Map(connections.map((f) => [f.key, f])));
  const operation = built.definitions[0] as OperationDefinitionNode;
  const result = { query: stripIgnoredCharacters(print(built)), variableNames: (operation.variableDefinitions ?? []).map((v) => v.variable.name.value) };
  perDocument.set(cacheKey, result);
  return result;
}

/** The variables a member query declares, from the fetch's. */
export function variablesFor(memberQuery: MemberQuery, variables: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of memberQuery.variableNames) if (variables[name] !== undefined) out[name] = variables[name];
  return out;
}

function pageFieldFlags(f: RootField): string {
  return `${+f.pageFields.edges}${+f.pageFields.pageInfo}${+f.pageFields.totalCount}`;
}

function buildMemberDocument(analysis: FetchAnalysis, keep: Set<string>, connections: Map<string, RootField>): DocumentNode {
  const extended = new Set<string>();
  const selections: SelectionNode[] = [];
  for (const field of rootFieldNodes(analysis.operation.selectionSet, analysis.fragments)) {
    const key = field.alias?.value ?? field.name.value;
    if (!keep.has(key)) continue;
    const connection = connections.get(key);
    if (connection && !extended.has(key)) {
      extended.add(key);
      selections.push(withPageFields(field, connection));
    } else {
      selections.push(field);
    }
  }
  const operation: OperationDefinitionNode = { ...analysis.operation, selectionSet: { kind: Kind.SELECTION_SET, selections } };
  const fragmentsUsed = usedFragments(operation.selectionSet, analysis.fragments);
  const variablesUsed = usedVariables([operation.selectionSet, ...fragmentsUsed.map((f) => f.selectionSet)]);
  return {
    kind: Kind.DOCUMENT,
    definitions: [
      { ...operation, variableDefinitions: (operation.variableDefinitions ?? []).filter((v) => variablesUsed.has(v.variable.name.value)) },
      ...fragmentsUsed,
    ],
  };
}

/** Root fields as nodes, through fragments (the planner rarely puts fragments at the root). */
function rootFieldNodes(set: SelectionSetNode, fragments: FetchAnalysis['fragments']): FieldNode[] {
  const out: FieldNode[] = [];
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) out.push(sel);
    else if (sel.kind === Kind.INLINE_FRAGMENT) out.push(...rootFieldNodes(sel.selectionSet, fragments));
    else {
      const fragment = fragments.get(sel.name.value);
      if (fragment) out.push(...rootFieldNodes(fragment.selectionSet, fragments));
    }
  }
  return out;
}

const PAGE_FIELD_SELECTIONS = {
  edges: parseSelection(`{ ${EDGES_ALIAS}: edges { ${CURSOR_ALIAS}: cursor } }`),
  pageInfo: parseSelection(`{ ${PAGE_INFO_ALIAS}: pageInfo { hasNextPage endCursor } }`),
  totalCount: parseSelection(`{ ${TOTAL_COUNT_ALIAS}: totalCount }`),
};

function withPageFields(field: FieldNode, connection: RootField): FieldNode {
  const added: SelectionNode[] = [];
  if (connection.pageFields.edges) added.push(PAGE_FIELD_SELECTIONS.edges);
  if (connection.pageFields.pageInfo) added.push(PAGE_FIELD_SELECTIONS.pageInfo);
  if (connection.pageFields.totalCount) added.push(PAGE_FIELD_SELECTIONS.totalCount);
  return { ...field, selectionSet: { kind: Kind.SELECTION_SET, selections: [...(field.selectionSet?.selections ?? []), ...added] } };
}

function parseSelection(source: string): SelectionNode {
  const op = parse(source, { noLocation: true }).definitions[0] as OperationDefinitionNode;
  return op.selectionSet.selections[0];
}

function usedFragments(set: SelectionSetNode, fragments: FetchAnalysis['fragments']): FragmentDefinitionNode[] {
  const used = new Map<string, FragmentDefinitionNode>();
  const walk = (node: SelectionSetNode) =>
    visit(node, {
      FragmentSpread(spread) {
        const name = spread.name.value;
        const fragment = fragments.get(name);
        if (fragment && !used.has(name)) {
          used.set(name, fragment);
          walk(fragment.selectionSet);
        }
      },
    });
  walk(set);
  return [...used.values()];
}

function usedVariables(sets: SelectionSetNode[]): Set<string> {
  const names = new Set<string>();
  for (const set of sets) visit(set, { Variable: (v) => void names.add(v.name.value) });
  return names;
}
