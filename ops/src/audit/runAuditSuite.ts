import { isDeepStrictEqual } from 'node:util';

/** One test of the audit: a query and the answer expected (`errors`: whether errors are expected; absent, not checked). */
export interface AuditTest {
  query: string;
  expected: { data?: unknown; errors?: boolean };
}

export interface AuditFailure {
  suite: string;
  /** `<suite>_<index>`, as the audit names its tests. */
  test: string;
  query: string;
  expected: unknown;
  received: unknown;
}

/**
 * Compares an answer as the audit does: `data` equal (deeply; null when absent), and, when the
 * test states it, whether there are errors.
 */
export function auditVerdict(test: AuditTest, answer: { data?: unknown; errors?: unknown[] }): { pass: boolean; expected: unknown; received: unknown } {
  const errorsChecked = typeof test.expected.errors === 'boolean';
  const received = { data: answer.data ?? null, errors: errorsChecked ? Boolean(answer.errors?.length) : null };
  const expected = { data: test.expected.data ?? null, errors: errorsChecked ? test.expected.errors : null };
  return { pass: isDeepStrictEqual(received, expected), expected, received };
}

/** Runs a suite's tests against one gateway; returns its failures. */
export async function runAuditSuite(suite: string, tests: AuditTest[], graphqlUrl: string): Promise<AuditFailure[]> {
  const failures: AuditFailure[] = [];
  for (const [i, test] of tests.entries()) {
    let answer: { data?: unknown; errors?: unknown[] };
    try {
      const res = await fetch(graphqlUrl, {
        method: 'POST',
        headers: { accept: 'application/json', 'content-type': 'application/json' },
        body: JSON.stringify({ query: test.query }),
        signal: AbortSignal.timeout(10_000),
      });
      answer = (await res.json()) as typeof answer;
    } catch (err) {
      answer = { errors: [{ message: err instanceof Error ? err.message : String(err) }] };
    }
    const verdict = auditVerdict(test, answer);
    if (!verdict.pass) failures.push({ suite, test: `${suite}_${i}`, query: test.query, expected: verdict.expected, received: { ...(verdict.received as object), errorMessages: answer.errors } });
  }
  return failures;
}
