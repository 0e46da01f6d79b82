import type { IncomingMessage, ServerResponse } from 'node:http';
import { bearerOf, createRateLimiter, type RateLimitOptions } from '@bibia/core';
import { frenchMessage } from '@bibia/cli/src/import/frenchMessages';
import { createSessionStore, sameSecret, type Session, type SessionPublisher, type SessionStoreOptions } from './sessions';
import { CSRF_HEADER, SESSION_COOKIE, cookieOf, readBody, sameOrigin, sendError, sendJson, sessionCookie } from './httpHelpers';
import { staticFiles } from './staticFiles';
import { API_PATHS } from './paths';
import { handleExport, handleImport } from './importExport';
import { createProductCatalogue } from './productCatalogue';

/** Options of {@link createAdmin}: what the back-office needs from its registry. */
export interface AdminOptions {
  owner: { siren: string; name: string };
  /** The publisher a token stands for at this registry, or undefined (unknown, revoked, not a publisher token). */
  verifyToken(token: string): Promise<SessionPublisher | undefined>;
  /** Whether a token is still valid (a revoked token ends its sessions at their next request). */
  tokenActive(tokenId: string): Promise<boolean>;
  /** The registry's own GraphQL URL (the back-office's server side calls it with the session). */
  graphqlUrl(): string;
  /** Addresses, proxies and store of the sign-in rate limit (its budget is {@link signInFailuresPerMinute}). */
  rateLimit?: Pick<RateLimitOptions, 'exempt' | 'trustProxy' | 'redisUrl' | 'keyPrefix'>;
  /** Refused sign-ins per minute from one address before every sign-in from it is refused. @default 5 */
  signInFailuresPerMinute?: number;
  sessions?: SessionStoreOptions;
  /** The hub's directory (the registry's `HUB_URL`): the tool form offers the national product catalogue's products. @default none */
  hubUrl?: string;
}

/** What the caller of a GraphQL request is, from its session: see {@link Admin.callerOf}. */
export type SessionCaller = { kind: 'publisher'; publisher: SessionPublisher } | { kind: 'invalid'; reason: string; credential: 'publisher' };

export interface Admin {
  /** Answers a request to one of `adminPaths()`. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /**
   * The publisher a request's session stands for. Only a request that carries the CSRF header
   * is considered (a cookie alone is never enough: a page of another site could send it); such a
   * request with no live session, a wrong CSRF token or another origin is `invalid`.
   */
  callerOf(req: IncomingMessage): Promise<SessionCaller | undefined>;
  close(): Promise<void>;
}

const MAX_GRAPHQL_BODY = 1024 * 1024;

/** The back-office of one registry: its pages, its session endpoints, and its import/export. */
export function createAdmin(options: AdminOptions): Admin {
  const sessions = createSessionStore(options.sessions);
  const files = staticFiles();
  const catalogue = createProductCatalogue({ hubUrl: options.hubUrl });
  const signInLimiter = createRateLimiter({
    ...options.rateLimit,
    keyPrefix: `${options.rateLimit?.keyPrefix ?? 'bibia:'}admin-sign-in:`,
    perMinute: 0,
    failedAuthPerMinute: options.signInFailuresPerMinute ?? 5,
  });

  /** The live session of a state-changing request, checked; or why it is refused. */
  async function checkedSession(req: IncomingMessage): Promise<{ session: Session } | { reason: string }> {
    const csrf = req.headers[CSRF_HEADER];
    if (typeof csrf !== 'string' || !csrf) return { reason: 'The CSRF header is missing: sign in again from the back-office page' };
    // Browsers send Origin with every POST and DELETE, not with a same-origin GET (export): there
    // the CSRF header, which another site's page cannot send, is the check.
    const safe = req.method === 'GET' || req.method === 'HEAD';
    if ((!safe || req.headers.origin !== undefined) && !sameOrigin(req)) return { reason: 'This request does not come from a page of this registry (Origin)' };
    const id = cookieOf(req, SESSION_COOKIE);
    const session = id ? sessions.get(id) : undefined;
    if (!session) return { reason: 'No session, or the session has expired: sign in again' };
    if (!sameSecret(csrf, session.csrf)) return { reason: 'Wrong CSRF token: reload the back-office page' };
    if (!(await options.tokenActive(session.tokenId))) {
      sessions.deleteToken(session.tokenId);
      return { reason: 'The publisher token of this session has been revoked' };
    }
    return { session };
  }

  async function signIn(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!sameOrigin(req)) return sendError(res, 403, 'FORBIDDEN', 'Cette demande ne vient pas d’une page de ce registre.');
    const verdict = await signInLimiter.admit(req);
    if (verdict.limited) {
      return sendError(res, 429, 'RATE_LIMITED', `Trop de connexions refusées depuis cette adresse : réessayez dans ${verdict.retryAfterSeconds} s.`, {
        'retry-after': String(verdict.retryAfterSeconds),
      });
    }
    const token = bearerOf(req.headers.authorization ?? '');
    const publisher = token ? await options.verifyToken(token) : undefined;
    if (!publisher) {
      await signInLimiter.credentialRefused(req);
      return sendError(res, 401, 'UNAUTHENTICATED', 'Jeton refusé : il est inconnu de ce registre, révoqué, ou n’est pas un jeton de publication.');
    }
    const session = sessions.create(publisher);
    sendJson(res, 200, describe(session), { 'set-cookie': sessionCookie(req, session.id, Math.floor(sessions.maxMs / 1000)) });
  }

  const describe = (session: Session) => ({ signedIn: true, label: session.label, csrf: session.csrf, owner: options.owner });

  async function sessionRoute(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method === 'POST') return signIn(req, res);
    if (req.method === 'GET') {
      // Reading the CSRF token needs the cookie; another site's page cannot read this answer (no CORS).
      const id = cookieOf(req, SESSION_COOKIE);
      const session = id ? sessions.get(id) : undefined;
      if (!session || !(await options.tokenActive(session.tokenId))) return sendJson(res, 200, { signedIn: false, owner: options.owner });
      return sendJson(res, 200, describe(session));
    }
    if (req.method === 'DELETE') {
      const checked = await checkedSession(req);
      if ('reason' in checked) return sendError(res, 403, 'FORBIDDEN', 'Déconnexion refusée : rechargez la page.');
      sessions.delete(checked.session.id);
      return sendJson(res, 200, { signedIn: false, owner: options.owner }, { 'set-cookie': sessionCookie(req, '', 0) });
    }
    sendError(res, 405, 'METHOD_NOT_ALLOWED', 'Méthode non permise.', { allow: 'GET, POST, DELETE' });
  }

  /** Headers that make the registry's /graphql take a request as this session's. */
  const sessionHeaders = (req: IncomingMessage): Record<string, string> => ({
    cookie: `${SESSION_COOKIE}=${cookieOf(req, SESSION_COOKIE)}`,
    [CSRF_HEADER]: String(req.headers[CSRF_HEADER]),
    origin: new URL(options.graphqlUrl()).origin,
  });

  /** GraphQL for the pages: the registry's own API, with the session, field errors in French. */
  async function graphqlRoute(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') return sendError(res, 405, 'METHOD_NOT_ALLOWED', 'Méthode non permise.', { allow: 'POST' });
    const checked = await checkedSession(req);
    if ('reason' in checked) return sendError(res, 401, 'UNAUTHENTICATED', 'Session expirée ou absente : reconnectez-vous.');
    const body = await readBody(req, MAX_GRAPHQL_BODY);
    if (body === null) return sendError(res, 413, 'BAD_USER_INPUT', 'Demande trop volumineuse.');
    const answer = await fetch(options.graphqlUrl(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...sessionHeaders(req) },
      body: body.toString('utf8'),
      redirect: 'error',
    });
    const text = await answer.text();
    let payload: unknown;
    try {
      payload = JSON.parse(text);
    } catch {
      return sendError(res, 502, 'BAD_RESPONSE', 'Le registre a répondu de façon inattendue.');
    }
    sendJson(res, answer.status, inFrench(payload));
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    const file = files.get(pathname);
    if (file) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 405, 'METHOD_NOT_ALLOWED', 'Méthode non permise.', { allow: 'GET, HEAD' });
      return file(req, res);
    }
    if (pathname === API_PATHS.session) return sessionRoute(req, res);
    if (pathname === API_PATHS.graphql) return graphqlRoute(req, res);
    if (pathname === API_PATHS.import || pathname === API_PATHS.export || pathname === API_PATHS.products) {
      const checked = await checkedSession(req);
      if ('reason' in checked) return sendError(res, 401, 'UNAUTHENTICATED', 'Session expirée ou absente : reconnectez-vous.');
      if (pathname === API_PATHS.products) return sendJson(res, 200, await catalogue.list());
      const context = { req, res, siren: options.owner.siren, graphqlUrl: options.graphqlUrl(), headers: sessionHeaders(req) };
      return pathname === API_PATHS.import ? handleImport(context) : handleExport(context);
    }
    sendError(res, 404, 'NOT_FOUND', 'Page introuvable.');
  }

  return {
    handle,
    async callerOf(req) {
      if (req.headers[CSRF_HEADER] === undefined) return undefined;
      const checked = await checkedSession(req);
      if ('reason' in checked) return { kind: 'invalid', reason: checked.reason, credential: 'publisher' };
      return { kind: 'publisher', publisher: { tokenId: checked.session.tokenId, label: checked.session.label } };
    },
    close: () => signInLimiter.close(),
  };
}

/** The registry's messages (English, its API's) in French where they are known, field errors included. */
function inFrench(payload: unknown): unknown {
  const body = payload as { errors?: { message: string; extensions?: { fieldErrors?: { field: string; message: string }[] } }[] };
  if (!Array.isArray(body?.errors)) return payload;
  return {
    ...body,
    errors: body.errors.map((e) => ({
      ...e,
      extensions: e.extensions?.fieldErrors
        ? { ...e.extensions, fieldErrors: e.extensions.fieldErrors.map((f) => ({ ...f, message: frenchMessage(f.message) })) }
        : e.extensions,
    })),
  };
}
