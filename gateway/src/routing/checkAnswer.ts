import type { RootField } from './analyseFetch';
import { subFields, type Fragments } from './collectFields';
import { isObject, parseCursor } from '@bibia/core';
import { CURSOR_ALIAS, EDGES_ALIAS, PAGE_INFO_ALIAS, TOTAL_COUNT_ALIAS } from './memberDocument';

/**
 * Why a member's value for a root field cannot be merged (null when it can). A member that
 * answers the wrong shape is treated like one that did not answer: its data would corrupt the
 * merge (e.g. a page without cursors cannot be interleaved with the others).
 */
export function checkFieldAnswer(field: RootField, data: Record<string, unknown>, fragments: Fragments, memberSentErrors: boolean): string | null {
  if (!(field.key in data)) return memberSentErrors ? null : `no "${field.key}" in the answer`;
  const value = data[field.key];
  if (value === null) return null;
  switch (field.kind) {
    case 'connection': {
      if (!isObject(value)) return `"${field.key}" is not an object`;
      if (field.pageFields.edges) {
        const edges = value[EDGES_ALIAS];
        if (!Array.isArray(edges) || !edges.every((e) => isObject(e) && parseCursor(e[CURSOR_ALIAS]) !== null)) {
          return `"${field.key}" has no valid edge cursors`;
        }
        // Every `edges` selection is the same list: a different length is not a real page.
        for (const sub of subFields(field, fragments)) {
          const list = value[sub.key];
          // Absent when the client's `@skip`/`@include` left it out.
          if (sub.name === 'edges' && list !== undefined && list !== null && !(Array.isArray(list) && list.length === edges.length)) {
            return `"${field.key}.${sub.key}" does not match its cursors`;
          }
        }
      }
      if (field.pageFields.pageInfo && !(isObject(value[PAGE_INFO_ALIAS]) && typeof value[PAGE_INFO_ALIAS].hasNextPage === 'boolean')) {
        return `"${field.key}" has no pageInfo`;
      }
      if (field.pageFields.totalCount && typeof value[TOTAL_COUNT_ALIAS] !== 'number') return `"${field.key}" has no totalCount`;
      return null;
    }
    case 'list':
      return Array.isArray(value) ? null : `"${field.key}" is not a list`;
    default:
      return null;
  }
}

/** Why an `_entities` answer cannot be used (null when it can). */
export function checkEntitiesAnswer(data: Record<string, unknown>, expected: number, memberSentErrors: boolean): string | null {
  const list = data._entities;
  if (list === null || list === undefined) return memberSentErrors ? null : 'no "_entities" in the answer';
  if (!Array.isArray(list)) return '"_entities" is not a list';
  if (list.length !== expected) return `"_entities" has ${list.length} items for ${expected} representations`;
  if (!list.every((e) => e === null || isObject(e))) return '"_entities" holds something else than objects';
  return null;
}
