import { FreshReads, isValidSiren, postGraphQL, type Logger } from '@bibia/core';
import type { MemberInfo } from './MemberInfo';
import { MEMBERS_QUERY, parseMembers } from './readMembers';

/** Options of {@link MemberDirectory}. */
export interface MemberDirectoryOptions {
  /** GraphQL URL of the hub directory. */
  directoryUrl: string;
  /** Period of the background refresh. */
  refreshMs: number;
  /** Timeout of one directory read (answers are capped at `postGraphQL`'s default size). */
  timeoutMs: number;
  /** Shortest interval between two reads asked for by requests naming an unknown SIREN. @default 250 */
  onDemandIntervalMs?: number;
  logger: Logger;
}

/**
 * The live set of members, read from the directory: in the background every `refreshMs`, and at
 * once when a request names a SIREN the gateway does not know (so a member admitted at runtime is
 * queried without a restart). When the directory cannot be read, the last known list is kept.
 */
export class MemberDirectory {
  private members: MemberInfo[] = [];
  private bySiren = new Map<string, MemberInfo>();
  private readonly reads = new FreshReads(() => this.read());
  private lastOnDemand = 0;
  /** SIRENs of entity owners found not to be members, until a time (see `ensureKnown`). */
  private notMembers = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  /** Whether the list was read at least once (the gateway is ready then). */
  loaded = false;

  constructor(private readonly options: MemberDirectoryOptions) {}

  /** Starts the background refresh; resolves after the first attempt (successful or not). */
  async start(): Promise<void> {
    // The periodic read shares one in flight; only requests need a read made after they asked.
    this.timer = setInterval(() => void (this.stopped || this.reads.any()), this.options.refreshMs);
    this.timer.unref();
    await this.refresh();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
  }

  list(): MemberInfo[] {
    return this.members;
  }

  get(siren: string): MemberInfo | undefined {
    return this.bySiren.get(siren);
  }

  /** Reads the list again: a read made after this call (see {@link FreshReads}). */
  refresh(): Promise<void> {
    return this.stopped ? Promise.resolve() : this.reads.fresh();
  }

  /**
   * While the list has never been read (the directory was down at start-up), reads it again for a
   * request, rate-limited like `ensureKnown`: the gateway answers with members as soon as the
   * directory is back, not a refresh period later. `loaded` tells the outcome.
   */
  async ensureLoaded(): Promise<void> {
    if (this.loaded) return;
    const now = Date.now();
    if (!this.reads.busy && now - this.lastOnDemand < (this.options.onDemandIntervalMs ?? 250)) return;
    if (!this.reads.busy) this.lastOnDemand = now;
    await this.refresh();
  }

  /**
   * Makes sure the list is fresh enough for a request naming these SIRENs: reads the directory
   * again if one of them is a valid SIREN the gateway does not know (rate-limited, so requests
   * naming strangers cannot flood the directory).
   *
   * With `rememberUnknown` (entity owners, which come from the directory's own data, e.g. every
   * collectivité of a national list, members or not), a SIREN still unknown after a read is not
   * looked up again before the next periodic refresh: such lists would otherwise wait for a
   * directory read on every request.
   */
  async ensureKnown(sirens: Iterable<string>, options: { rememberUnknown?: boolean } = {}): Promise<void> {
    const now = Date.now();
    const unknown = [...sirens].filter((s) => !this.bySiren.has(s) && isValidSiren(s) && !(options.rememberUnknown && (this.notMembers.get(s) ?? 0) > now));
    if (unknown.length === 0) return;
    // Within the rate limit, the list read moments ago is taken as fresh.
    const fresh = !this.reads.busy && now - this.lastOnDemand < (this.options.onDemandIntervalMs ?? 250);
    if (!fresh) {
      if (!this.reads.busy) this.lastOnDemand = now;
      await this.refresh();
    }
    if (options.rememberUnknown) {
      if (this.notMembers.size > 10_000) this.notMembers.clear();
      const until = Date.now() + this.options.refreshMs;
      for (const s of unknown) if (!this.bySiren.has(s)) this.notMembers.set(s, until);
    }
  }

  private async read(): Promise<void> {
    const answer = await postGraphQL(this.options.directoryUrl, MEMBERS_QUERY, {}, { timeoutMs: this.options.timeoutMs, operationName: 'BibiaGatewayMembers' });
    try {
      if (!answer.ok) throw new Error(`${answer.failure}: ${answer.detail}`);
      this.setMembers(parseMembers({ data: answer.data, errors: answer.errors }));
    } catch (err) {
      this.options.logger.warn({ err: (err as Error).message, directory: this.options.directoryUrl }, 'could not read the member list; keeping the last one');
    }
  }

  private setMembers(members: MemberInfo[]): void {
    const before = new Set(this.bySiren.keys());
    this.members = members;
    this.bySiren = new Map(members.map((m) => [m.siren, m]));
    this.notMembers.clear();
    const added = members.filter((m) => !before.has(m.siren)).map((m) => m.siren);
    const removed = [...before].filter((s) => !this.bySiren.has(s));
    if (added.length || removed.length || !this.loaded) this.options.logger.info({ count: members.length, added, removed }, 'member list updated');
    this.loaded = true;
  }
}
