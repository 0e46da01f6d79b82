import { errorMessages, FreshReads, postGraphQL, type Logger } from '@bibia/kit';

/** A member the index harvests and serves. */
export interface Member {
  siren: string;
  registryUrl: string;
  departement: string | null;
  region: string | null;
}

/**
 * Members whose content the index serves: ACTIVE, and UNREACHABLE ones (a member that is down
 * keeps its last harvested content). A SUSPENDED member, or one that left, is not listed.
 */
export const ACTIVE_MEMBERS_QUERY = /* GraphQL */ `
  query BibiaIndexMembers {
    members(status: [ACTIVE, UNREACHABLE]) { siren departement region membership { registryUrl status } }
  }
`;

export function parseMembers(data: Record<string, unknown> | null): Member[] {
  const list = data?.members;
  if (!Array.isArray(list)) throw new Error('the directory did not return data.members');
  const out: Member[] = [];
  for (const m of list as Array<Record<string, any>>) {
    const url = m?.membership?.registryUrl;
    if (typeof m?.siren !== 'string' || typeof url !== 'string' || !url) continue;
    out.push({
      siren: m.siren,
      registryUrl: url,
      departement: typeof m.departement === 'string' ? m.departement : null,
      region: typeof m.region === 'string' ? m.region : null,
    });
  }
  return out.sort((a, b) => (a.siren < b.siren ? -1 : a.siren > b.siren ? 1 : 0));
}

/**
 * The live member list, read from the directory every `refreshMs`. Reads are filtered by it, so a
 * suspended member disappears from answers at the next read, before its rows are deleted. When
 * the directory cannot be read, the last list is kept.
 */
export class ActiveMembers {
  private members: Member[] = [];
  private bySiren = new Map<string, Member>();
  private timer: NodeJS.Timeout | null = null;
  private readonly reads = new FreshReads(() => this.read());
  /** Members that left the list lately, and when: their rows may still be being deleted. */
  private removed = new Map<string, number>();
  /** Whether the list was read at least once. */
  loaded = false;
  /** Called after each successful read with the new list. */
  onChange: ((members: Member[]) => void | Promise<void>) | null = null;

  constructor(private readonly options: { directoryUrl: string; refreshMs: number; timeoutMs: number; logger: Logger }) {}

  async start(): Promise<void> {
    await this.refresh();
    this.timer = setInterval(() => void this.refresh(), this.options.refreshMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  list(): Member[] {
    return this.members;
  }

  get(siren: string): Member | undefined {
    return this.bySiren.get(siren);
  }

  /** SIRENs a read may show, narrowed by the place filters of a request; null = all of them. */
  sirensFor(filter: { sirens?: string[] | null; departement?: string | null; region?: string | null } = {}): string[] {
    return this.members
      .filter((m) => (!filter.sirens?.length || filter.sirens.includes(m.siren))
        && (!filter.departement || m.departement === filter.departement)
        && (!filter.region || m.region === filter.region))
      .map((m) => m.siren);
  }

  /**
   * Members that left the list in the last `forMs`: a national read leaves them out explicitly,
   * so that it needs no condition naming every member (1,000 SIRENs in every query) while their
   * rows are being deleted, or if a harvest in flight wrote a few after the deletion.
   */
  recentlyRemoved(forMs = 10 * 60_000): string[] {
    const since = Date.now() - forMs;
    for (const [siren, at] of this.removed) if (at < since) this.removed.delete(siren);
    return [...this.removed.keys()];
  }

  /**
   * Reads the directory; false when it failed. A read already in flight may have been asked before
   * what the caller waits for (a suspension just made): the caller then gets the next read, made
   * after it and shared by everyone who asks meanwhile.
   */
  refresh(): Promise<boolean> {
    return this.reads.fresh();
  }

  private async read(): Promise<boolean> {
    const answer = await postGraphQL(this.options.directoryUrl, ACTIVE_MEMBERS_QUERY, {}, { timeoutMs: this.options.timeoutMs });
    try {
      if (!answer.ok) throw new Error(`${answer.failure}: ${answer.detail}`);
      if (answer.errors.length) throw new Error(errorMessages(answer.errors).join('; '));
      const members = parseMembers(answer.data);
      const now = Date.now();
      const next = new Set(members.map((m) => m.siren));
      for (const m of this.members) if (!next.has(m.siren)) this.removed.set(m.siren, now);
      for (const siren of next) this.removed.delete(siren);
      this.members = members;
      this.bySiren = new Map(members.map((m) => [m.siren, m]));
      this.loaded = true;
      await this.onChange?.(members);
      return true;
    } catch (err) {
      this.options.logger.warn({ err: err instanceof Error ? err.message : err }, 'could not read the member list: keeping the last one');
      return false;
    }
  }
}
