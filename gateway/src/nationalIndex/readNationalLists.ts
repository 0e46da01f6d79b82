import { isObject } from '@bibia/core';
import { VALIDATION_FAILED, type IndexRequest, type NationalIndex } from './NationalIndex';
import type { StaleMember } from './StaleMembers';

/** The index's answer to a `registry` fetch of national lists, or why the fetch must be routed live. */
export type NationalListsResult =
  | { ok: true; data: Record<string, unknown>; staleMembers: StaleMember[] }
  | { ok: false; reason: string };

/**
 * Asks the index for a `registry` fetch of national lists (see `routing/isIndexable`), the same
 * document and variables a member would get. Only a complete answer without errors is used: any
 * refusal, failure or error (even a bad argument, which the members will report as usual) means
 * "route live", so that the index never causes an error a client sees.
 */
export async function readNationalLists(index: NationalIndex, request: IndexRequest, listKeys: string[]): Promise<NationalListsResult> {
  const fallBack = (reason: string): NationalListsResult => {
    index.fellBack('registry', reason);
    return { ok: false, reason };
  };
  if (index.refusedEarlier(request)) return fallBack('refused earlier');
  const answer = await index.send(request, 'registry');
  if (!answer.ok) return fallBack(answer.failure);
  if (answer.errors.some((e) => e.extensions?.code === VALIDATION_FAILED)) {
    index.rememberRefusal(request, answer.errors);
    return fallBack('refused');
  }
  if (answer.errors.length) return fallBack('errors');
  const data = answer.data;
  // A national list is never null without an error: anything else is not the index's answer.
  if (!data || !listKeys.every((key) => isObject(data[key]) || Array.isArray(data[key]))) {
    return fallBack('invalid answer');
  }
  index.answered('registry');
  return { ok: true, data, staleMembers: answer.staleMembers };
}
