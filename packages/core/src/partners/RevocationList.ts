import type { Logger } from '../logger';
import { isObject } from '../isObject';
import { readAtMost } from '../graphql/postGraphQL';
import { DEFAULT_REVOCATION_POLL_MS } from './claims';

/** Options of {@link RevocationList}. */
export interface RevocationListOptions {
  /** `<hub>/.well-known/bibia-partner-revocations.json`. */
  url: URL;
  /** Interval between two reads. @default DEFAULT_REVOCATION_POLL_MS (30 s) */
  pollMs?: number;
  /** Time the hub has to answer one read. @default 5000 */
  timeoutMs?: number;
  logger: Logger;
}

/** Largest revocation list read: ids of revoked, unexpired credentials only, so far below this. */
const MAX_LIST_BYTES = 4 * 1024 * 1024;

/**
 * The hub's list of revoked partner ids, read at start and then every `pollMs`, so a revocation
 * reaches this server within one interval. When the hub cannot be read, the last list read is
 * kept (a hub outage must not stop members serving partners it already knew about); before any
 * list was read, {@link ensureLoaded} tries once more and the caller refuses partners on failure.
 */
export class RevocationList {
  private revoked = new Set<string>();
  private timer?: NodeJS.Timeout;
  private inFlight?: Promise<boolean>;
  private lastWarning = 0;
  /** Whether a list was read at least once. */
  loaded = false;

  constructor(private readonly options: RevocationListOptions) {}

  start(): void {
    if (this.timer) return;
    void this.refresh();
    this.timer = setInterval(() => void this.refresh(), this.options.pollMs ?? DEFAULT_REVOCATION_POLL_MS);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  isRevoked(partnerId: string): boolean {
    return this.revoked.has(partnerId);
  }

  /** True once a list was read; when none was yet, one read is tried (shared by concurrent callers). */
  async ensureLoaded(): Promise<boolean> {
    return this.loaded || this.refresh();
  }

  /** Reads the list now; false (and the last list kept) when the hub cannot give it. */
  refresh(): Promise<boolean> {
    this.inFlight ??= this.read().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private async read(): Promise<boolean> {
    const timeoutMs = this.options.timeoutMs ?? 5000;
    try {
      const res = await fetch(this.options.url, { redirect: 'manual', signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json' } });
      const body = await readAtMost(res, MAX_LIST_BYTES);
      if (res.status !== 200) return this.failed(`HTTP ${res.status}`);
      if (body === null) return this.failed(`answer larger than ${MAX_LIST_BYTES} bytes`);
      const json: unknown = JSON.parse(body);
      const entries = isObject(json) && Array.isArray(json.revoked) ? json.revoked : null;
      if (!entries) return this.failed('not a revocation list');
      this.revoked = new Set(entries.filter(isObject).map((e) => e.id).filter((id): id is string => typeof id === 'string'));
      this.loaded = true;
      return true;
    } catch (err) {
      return this.failed(err instanceof Error ? err.message : String(err));
    }
  }

  private failed(detail: string): false {
    const now = Date.now();
    if (now - this.lastWarning > 60_000) {
      this.lastWarning = now;
      this.options.logger.warn({ url: this.options.url.href, detail, kept: this.loaded }, 'could not read the hub revocation list (the last list read is kept; logged at most once a minute)');
    }
    return false;
  }
}
