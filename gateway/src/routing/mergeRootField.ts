import { isObject } from '@bibia/core';
import type { RootField } from './analyseFetch';
import { subFields, type CollectedField, type Fragments } from './collectFields';
import { mergePages, type MemberPage } from './mergePages';
import { CURSOR_ALIAS, EDGES_ALIAS, PAGE_INFO_ALIAS, TOTAL_COUNT_ALIAS } from './memberDocument';

/** The contract's page info type (`pageInfo` of every connection). */
const PAGE_INFO_TYPE = 'PageInfo';

/** One member's value for a root field (`data[key]`). */
export interface FieldAnswer {
  value: unknown;
}

export interface MergedField {
  value: unknown;
  /**
   * Where an edge of answer `answer` at `index` ended up in the merged list (undefined when it
   * was cut), to move member error paths. Connections only.
   */
  edgeIndex?: (answer: number, index: number) => number | undefined;
}

/**
 * Merges the members' values of one root field:
 * - connections: k-way merge by cursor, cut to `first`, totals summed, page info recomputed;
 * - lists: concatenated in member order;
 * - other values: the first non-null one.
 */
export function mergeRootField(field: RootField, answers: FieldAnswer[], fragments: Fragments): MergedField {
  if (field.kind === 'connection') return mergeConnection(field, answers, fragments);
  const present = answers.map((a) => a.value).filter((v) => v !== null && v !== undefined);
  if (field.kind === 'list') {
    if (present.length === 0) return { value: field.nonNull || answers.length === 0 ? [] : null };
    return { value: present.filter(Array.isArray).flat() };
  }
  return { value: present[0] ?? null };
}

function mergeConnection(field: RootField, answers: FieldAnswer[], fragments: Fragments): MergedField {
  const objects: Array<{ answer: number; value: Record<string, any> }> = [];
  answers.forEach((a, answer) => {
    if (isObject(a.value)) objects.push({ answer, value: a.value });
  });
  const pages: MemberPage[] = objects.map(({ value }) => ({
    cursors: (value[EDGES_ALIAS] ?? []).map((e: Record<string, unknown>) => e[CURSOR_ALIAS]),
    hasNextPage: value[PAGE_INFO_ALIAS]?.hasNextPage === true,
    totalCount: typeof value[TOTAL_COUNT_ALIAS] === 'number' ? value[TOTAL_COUNT_ALIAS] : 0,
  }));
  // `routeQuery` refuses a list in an unknown order before asking anyone; an empty merge (no
  // answer) has no order to get wrong.
  if (field.direction === null && pages.length > 0) throw new Error(`assertion: "${field.key}" merged in an unknown order`);
  const merged = mergePages(pages, { direction: field.direction ?? 'asc', first: field.first });
  const out: Record<string, unknown> = {};
  for (const sub of subFields(field, fragments)) {
    switch (sub.name) {
      case 'edges':
        out[sub.key] = merged.order.map(({ page, index }) => objects[page].value[sub.key]?.[index] ?? null);
        break;
      case 'totalCount':
        out[sub.key] = merged.totalCount;
        break;
      case 'pageInfo':
        out[sub.key] = mergePageInfo(sub, fragments, objects.map((o) => o.value[sub.key]), merged, pages);
        break;
      case '__typename':
        out[sub.key] = objects[0]?.value[sub.key] ?? field.typeName ?? null;
        break;
      default:
        out[sub.key] = objects.map((o) => o.value[sub.key]).find((v) => v !== null && v !== undefined) ?? null;
    }
  }
  const positions = new Map<string, number>();
  merged.order.forEach(({ page, index }, i) => positions.set(`${objects[page].answer}:${index}`, i));
  return { value: out, edgeIndex: (answer, index) => positions.get(`${answer}:${index}`) };
}

function mergePageInfo(
  field: CollectedField,
  fragments: Fragments,
  values: unknown[],
  merged: ReturnType<typeof mergePages>,
  pages: MemberPage[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const first = merged.order[0];
  for (const sub of subFields(field, fragments)) {
    switch (sub.name) {
      case 'hasNextPage':
        out[sub.key] = merged.hasNextPage;
        break;
      case 'endCursor':
        out[sub.key] = merged.endCursor;
        break;
      case 'startCursor':
        out[sub.key] = first ? pages[first.page].cursors[first.index] : null;
        break;
      case 'hasPreviousPage':
        out[sub.key] = values.some((v) => isObject(v) && v[sub.key] === true);
        break;
      case '__typename':
        // Non-null, and known even when no member was asked (nothing to take it from).
        out[sub.key] = values.map((v) => (isObject(v) ? v[sub.key] : undefined)).find((v) => typeof v === 'string') ?? PAGE_INFO_TYPE;
        break;
      default:
        out[sub.key] = values.map((v) => (isObject(v) ? v[sub.key] : undefined)).find((v) => v !== null && v !== undefined) ?? null;
    }
  }
  return out;
}

/** An empty page, for a connection no member was asked for (or none answered). */
export function emptyValue(field: RootField, fragments: Fragments): unknown {
  return mergeRootField(field, [], fragments).value;
}
