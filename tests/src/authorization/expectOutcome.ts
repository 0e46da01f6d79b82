import type { GqlResult } from '../gql';

/**
 * What one cell of the authorization matrix expects:
 * - `data`: answered without error, and the answer shows what the row is about (the entry, the
 *   count, the written record);
 * - `hidden`: answered without error, and the answer does not show it (null, absent from lists
 *   and feeds, left out of counts);
 * - an error code: the first error has it, and nothing is shown.
 */
export type Outcome = 'data' | 'hidden' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'BAD_USER_INPUT';

/** The short names the matrix is written with. */
export const OK: Outcome = 'data';
export const HID: Outcome = 'hidden';
export const FORB: Outcome = 'FORBIDDEN';
export const UNAUTH: Outcome = 'UNAUTHENTICATED';
export const BAD: Outcome = 'BAD_USER_INPUT';

/** Asserts the outcome of one answer; `shown` says whether it shows what the row is about. */
export function expectOutcome(result: GqlResult, outcome: Outcome, shown: boolean): void {
  const { errors } = result.body;
  const summary = JSON.stringify(result.body).slice(0, 600);
  if (outcome === 'data' || outcome === 'hidden') {
    if (errors !== undefined) throw new Error(`expected ${outcome}, got errors (HTTP ${result.status}): ${summary}`);
    if (result.status !== 200) throw new Error(`expected HTTP 200, got ${result.status}: ${summary}`);
    if (shown !== (outcome === 'data')) throw new Error(`expected ${outcome === 'data' ? 'the data to be shown' : 'the data to be hidden'}, got: ${summary}`);
    return;
  }
  const codes = (errors ?? []).map((e: { extensions?: { code?: string } }) => e.extensions?.code);
  if (codes[0] !== outcome) throw new Error(`expected ${outcome}, got codes [${codes.join(', ')}] (HTTP ${result.status}): ${summary}`);
  if (shown) throw new Error(`expected nothing shown with ${outcome}, got: ${summary}`);
  // Never a server error, and no stack trace or internal detail in what a refused caller reads.
  if (result.status >= 500) throw new Error(`HTTP ${result.status} for a refusal: ${summary}`);
  if (JSON.stringify(errors).includes('stacktrace')) throw new Error(`a stack trace in a refusal: ${summary}`);
}
