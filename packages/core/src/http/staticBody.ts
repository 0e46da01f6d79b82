import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';

/** Content types of the files our pages are made of, by extension. */
export const STATIC_CONTENT_TYPES: Readonly<Record<string, string>> = Object.freeze({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
});

/** The content type of a file name from {@link STATIC_CONTENT_TYPES}, or undefined: not a file we serve. */
export function contentTypeOf(fileName: string): string | undefined {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? STATIC_CONTENT_TYPES[fileName.slice(dot).toLowerCase()] : undefined;
}

/** Headers of every static answer unless the caller's `headers` say otherwise. */
export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
});

/** Options of {@link staticBody}. */
export interface StaticBodyOptions {
  contentType: string;
  /** @default 'no-cache' (the browser keeps the file but asks with its ETag each time) */
  cacheControl?: string;
  /**
   * Sends the body gzipped to clients that accept it, when it is over {@link gzipMinBytes} and
   * gzip makes it smaller. The ETag is then weak: it names both encodings. @default false
   */
  gzip?: boolean;
  /** @default 1024 */
  gzipMinBytes?: number;
  /** Headers of the 200 and 304 answers (a `content-security-policy`...), over {@link STATIC_SECURITY_HEADERS}. @default {} */
  headers?: Readonly<Record<string, string>>;
}

/** A file's bytes with what serving them needs, computed once: see {@link sendStatic}. */
export interface StaticBody {
  readonly body: Buffer;
  readonly etag: string;
  /** Undefined when gzip is off, or would not help. */
  readonly gzipped: Buffer | undefined;
  /** Of both 200 and 304 answers (no length, no encoding). */
  readonly headers: Readonly<Record<string, string>>;
}

/** The bytes of one static file, with its ETag (and gzipped bytes) computed now rather than per request. */
export function staticBody(content: string | Buffer, options: StaticBodyOptions): StaticBody {
  const body = typeof content === 'string' ? Buffer.from(content) : content;
  const gzip = options.gzip ?? false;
  const hash = createHash('sha256').update(body).digest('base64url').slice(0, 27);
  const etag = gzip ? `W/"${hash}"` : `"${hash}"`;
  let gzipped: Buffer | undefined;
  if (gzip && body.length > (options.gzipMinBytes ?? 1024)) {
    const packed = gzipSync(body);
    if (packed.length < body.length) gzipped = packed;
  }
  const headers: Record<string, string> = {
    ...STATIC_SECURITY_HEADERS,
    ...options.headers,
    'content-type': options.contentType,
    'cache-control': options.cacheControl ?? 'no-cache',
    ...(gzip ? { vary: 'accept-encoding' } : {}),
    etag,
  };
  return Object.freeze({ body, etag, gzipped, headers: Object.freeze(headers) });
}

/**
 * Answers a request for a static file: GET and HEAD only (405 with `Allow` otherwise), 304
 * without a body when `If-None-Match` names its ETag (or is `*`), else 200 with the plain or
 * gzipped bytes as `Accept-Encoding` allows.
 */
export function sendStatic(req: IncomingMessage, res: ServerResponse, file: StaticBody): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' });
    res.end('Method not allowed');
    return;
  }
  if (noneMatch(req.headers['if-none-match'], file.etag)) {
    res.writeHead(304, file.headers);
    res.end();
    return;
  }
  const gzip = file.gzipped !== undefined && acceptsGzip(req.headers['accept-encoding']);
  const body = gzip ? file.gzipped! : file.body;
  res.writeHead(200, { ...file.headers, ...(gzip ? { 'content-encoding': 'gzip' } : {}), 'content-length': String(body.length) });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** Whether an `If-None-Match` value names `etag` (weak comparison, RFC 9110 §13.1.2) or is `*`. */
export function noneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const opaque = etag.replace(/^W\//, '');
  for (const [, tag] of header.matchAll(/(?:W\/)?("[^"]*")/g)) if (tag === opaque) return true;
  return false;
}

/** Whether an `Accept-Encoding` value accepts gzip: named (or `x-gzip`, or `*` when not named) with a q above 0. */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(',') : header;
  if (!value) return false;
  let star: boolean | undefined;
  for (const part of value.split(',')) {
    const [coding, ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    const accepted = q === undefined || Number(q.slice(2)) > 0;
    if (coding === 'gzip' || coding === 'x-gzip') return accepted;
    if (coding === '*') star = accepted;
  }
  return star ?? false;
}
