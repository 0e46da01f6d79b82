import { errorMessages, postGraphQL, type Logger } from '@bibia/core';
import type { MemberInfo } from './MemberInfo';

/** Options of {@link HealthReporter}. */
export interface HealthReporterOptions {
  directoryUrl: string;
  /** The directory's admin token; nothing is reported without it. */
  adminToken?: string;
  /** Shortest interval between two reports of the same outcome on one member. */
  minIntervalMs: number;
  timeoutMs: number;
  logger: Logger;
}

export const RECORD_MEMBER_HEALTH = /* GraphQL */ `
  mutation BibiaGatewayRecordMemberHealth($siren: String!, $reachable: Boolean!) {
    recordMemberHealth(siren: $siren, reachable: $reachable) { __typename }
  }
`;

/**
 * Tells the directory when a member fails or answers again (`recordMemberHealth`), which turns it
 * UNREACHABLE after repeated failures and ACTIVE when it answers. Reports are throttled per
 * member, fire-and-forget, and never delay or fail a query. Successes are only reported for a
 * member the directory lists as UNREACHABLE or that was reported failing.
 */
export class HealthReporter {
  private last = new Map<string, { reachable: boolean; at: number }>();
  private pending = new Set<Promise<void>>();

  constructor(private readonly options: HealthReporterOptions) {}

  report(member: MemberInfo, reachable: boolean): void {
    if (!this.options.adminToken) return;
    const previous = this.last.get(member.siren);
    if (reachable && member.status !== 'UNREACHABLE' && (!previous || previous.reachable)) return;
    const now = Date.now();
    if (previous && previous.reachable === reachable && now - previous.at < this.options.minIntervalMs) return;
    this.last.set(member.siren, { reachable, at: now });
    const sending = this.send(member.siren, reachable).finally(() => this.pending.delete(sending));
    this.pending.add(sending);
  }

  /** Waits for the reports in flight (at shutdown). */
  async flush(): Promise<void> {
    await Promise.all([...this.pending]);
  }

  private async send(siren: string, reachable: boolean): Promise<void> {
    const answer = await postGraphQL(this.options.directoryUrl, RECORD_MEMBER_HEALTH, { siren, reachable }, {
      timeoutMs: this.options.timeoutMs,
      headers: { authorization: `Bearer ${this.options.adminToken}` },
      operationName: 'BibiaGatewayRecordMemberHealth',
    });
    const problem = !answer.ok ? `${answer.failure}: ${answer.detail}` : answer.errors.length ? errorMessages(answer.errors).join('; ') : null;
    if (problem) this.options.logger.warn({ siren, reachable, err: problem }, 'could not report member health to the directory');
  }
}
