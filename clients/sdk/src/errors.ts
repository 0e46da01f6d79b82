/**
 * Codes a BibIA client may see: the server's `extensions.code` values (see the kit's
 * `ErrorCodes`), plus the ones the client itself raises when there is no GraphQL answer.
 */
export const ClientErrorCodes = {
  NETWORK_ERROR: 'The endpoint could not be reached (connection refused, DNS, timeout), after the retries allowed.',
  BAD_RESPONSE: 'The endpoint answered something that is not a GraphQL response (HTML page, proxy error...).',
  HTTP_ERROR: 'The endpoint answered an HTTP error without a GraphQL error in the body.',
} as const;

/** A GraphQL error as it travels in a response. */
export interface GraphQLErrorJson {
  message: string;
  path?: (string | number)[];
  locations?: { line: number; column: number }[];
  extensions?: Record<string, unknown> & { code?: string };
}

/** A member registry that did not answer; the rest of the data is still there. */
export interface UnavailableMember {
  /** SIREN of the collectivité whose registry failed. */
  siren: string;
  /** Its name, when the hub gave it. */
  name?: string;
  /** What the hub said. */
  message: string;
  /** Why, when the hub says: `timeout`, `unreachable`, `http`, `invalid answer`. */
  reason?: string;
}

/**
 * An error the caller has to deal with: any GraphQL error other than MEMBER_UNAVAILABLE, or no
 * usable answer at all. `code` is the server's `extensions.code` (BAD_USER_INPUT, UNAUTHENTICATED,
 * FORBIDDEN, NOT_FOUND, CONFLICT, ...) or one of {@link ClientErrorCodes}.
 */
export class BibiaError extends Error {
  override readonly name = 'BibiaError';
  readonly code: string;
  /** HTTP status of the last answer, when there was one. */
  readonly status?: number;
  /** Every GraphQL error of the answer (including MEMBER_UNAVAILABLE ones). */
  readonly errors: GraphQLErrorJson[];
  /** `extensions` of the first error (e.g. `rowErrors` of a refused import). */
  readonly extensions: Record<string, unknown>;
  /** Whatever data came with the errors. */
  readonly data?: unknown;
  readonly unavailableMembers: UnavailableMember[];
  /**
   * Seconds to wait before trying again, when the server said (the `Retry-After` header of an
   * HTTP 429 RATE_LIMITED answer, or its `extensions.retryAfterSeconds`); undefined otherwise.
   */
  readonly retryAfterSeconds?: number;

  constructor(
    code: string,
    message: string,
    details: { status?: number; errors?: GraphQLErrorJson[]; data?: unknown; unavailableMembers?: UnavailableMember[]; retryAfterSeconds?: number; cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.status = details.status;
    this.errors = details.errors ?? [];
    this.extensions = this.errors[0]?.extensions ?? {};
    this.data = details.data;
    this.unavailableMembers = details.unavailableMembers ?? [];
    const fromBody = this.extensions.retryAfterSeconds;
    this.retryAfterSeconds = details.retryAfterSeconds ?? (typeof fromBody === 'number' && Number.isFinite(fromBody) && fromBody >= 0 ? fromBody : undefined);
  }
}

/**
 * Seconds in a `Retry-After` header: a number of seconds, or an HTTP date
 * (`Sun, 06 Nov 1994 08:49:37 GMT`: seconds from `now`, rounded up, at least 0). Undefined when
 * absent or not understood.
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text);
  // Only the HTTP date format (IMF-fixdate): Date.parse would take "-5" or "1.5" for dates.
  if (!/^[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

export const MEMBER_UNAVAILABLE = 'MEMBER_UNAVAILABLE';

/** The members named by MEMBER_UNAVAILABLE errors, once each. */
export function unavailableMembersOf(errors: GraphQLErrorJson[]): UnavailableMember[] {
  const bySiren = new Map<string, UnavailableMember>();
  for (const e of errors) {
    if (e.extensions?.code !== MEMBER_UNAVAILABLE) continue;
    // The gateway names the member in `extensions.member` (`name` is accepted too); identical
    // errors of several members may come once, with `extensions.sirens`.
    const raw = e.extensions.member ?? e.extensions.name;
    const name = typeof raw === 'string' && raw ? raw : undefined;
    const reason = typeof e.extensions.reason === 'string' ? e.extensions.reason : undefined;
    const sirens = Array.isArray(e.extensions.sirens) ? e.extensions.sirens.map(String) : [String(e.extensions.siren ?? '')];
    for (const siren of sirens) {
      if (bySiren.has(siren)) continue;
      bySiren.set(siren, { siren, ...(name && sirens.length === 1 ? { name } : {}), message: e.message, ...(reason ? { reason } : {}) });
    }
  }
  return [...bySiren.values()];
}
