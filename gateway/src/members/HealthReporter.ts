import type { Logger } from '@bibia/kit';
import type { MemberInfo } from '../routing/owners';

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
    try {
      const res = await fetch(this.options.directoryUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${this.options.adminToken}` },
        body: JSON.stringify({ query: RECORD_MEMBER_HEALTH, variables: { siren, reachable } }),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      const body = (await res.json().catch(() => null)) as { errors?: Array<{ message: string }> } | null;
      if (!res.ok || body?.errors?.length) throw new Error(body?.errors?.map((e) => e.message).join('; ') || `HTTP ${res.status}`);
    } catch (err) {
      this.options.logger.warn({ siren, reachable, err: (err as Error).message }, 'could not report member health to the directory');
    }
  }
}
