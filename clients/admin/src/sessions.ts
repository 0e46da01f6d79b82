import crypto from 'node:crypto';

/** The publisher a session stands for (never the token itself: only its id). */
export interface SessionPublisher {
  tokenId: string;
  label: string;
}

export interface Session extends SessionPublisher {
  id: string;
  /** Sent back by the page in a header on every request that uses the session. */
  csrf: string;
  createdAt: number;
  lastSeenAt: number;
}

/** Options of {@link createSessionStore}. */
export interface SessionStoreOptions {
  /** A session unused this long ends. @default 8 hours */
  idleMs?: number;
  /** A session ends this long after sign-in, used or not. @default 24 hours */
  maxMs?: number;
  /** At most this many sessions; the oldest ends first. @default 1000 */
  maxSessions?: number;
  /** @default Date.now */
  now?: () => number;
}

export const DEFAULT_SESSION_IDLE_MS = 8 * 3600_000;
export const DEFAULT_SESSION_MAX_MS = 24 * 3600_000;

export interface SessionStore {
  create(publisher: SessionPublisher): Session;
  /** The live session with this id (its idle time restarts), or undefined. */
  get(id: string): Session | undefined;
  delete(id: string): void;
  /** Ends every session of a token (revoked). */
  deleteToken(tokenId: string): void;
  readonly maxMs: number;
}

/**
 * Sessions in this process's memory: a restart signs everyone out, and several instances of a
 * registry behind a load balancer need sticky sessions. Ids and CSRF tokens are 256 random bits.
 */
export function createSessionStore(options: SessionStoreOptions = {}): SessionStore {
  const idleMs = options.idleMs ?? DEFAULT_SESSION_IDLE_MS;
  const maxMs = options.maxMs ?? DEFAULT_SESSION_MAX_MS;
  const maxSessions = options.maxSessions ?? 1000;
  const now = options.now ?? Date.now;
  // Insertion order is sign-in order: the first key is the oldest session.
  const sessions = new Map<string, Session>();
  const live = (s: Session, t: number) => t - s.lastSeenAt < idleMs && t - s.createdAt < maxMs;

  return {
    maxMs,
    create(publisher) {
      const t = now();
      for (const [id, s] of sessions) if (!live(s, t)) sessions.delete(id);
      while (sessions.size >= maxSessions) sessions.delete(sessions.keys().next().value!);
      const session: Session = { ...publisher, id: randomId(), csrf: randomId(), createdAt: t, lastSeenAt: t };
      sessions.set(session.id, session);
      return session;
    },
    get(id) {
      const session = sessions.get(id);
      if (!session) return undefined;
      const t = now();
      if (!live(session, t)) {
        sessions.delete(id);
        return undefined;
      }
      session.lastSeenAt = t;
      return session;
    },
    delete: (id) => void sessions.delete(id),
    deleteToken(tokenId) {
      for (const [id, s] of sessions) if (s.tokenId === tokenId) sessions.delete(id);
    },
  };
}

function randomId(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/** Compares two secrets in constant time. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}
