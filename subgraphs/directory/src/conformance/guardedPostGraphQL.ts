import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { DEFAULT_POST_MAX_BYTES, DEFAULT_POST_TIMEOUT_MS, isObject, type PostGraphQLOptions, type PostGraphQLResult } from '@bibia/kit';
import { ForbiddenAddressError, forbiddenAddressRule, guardedLookup, type MemberAddressPolicy } from './memberAddressPolicy';

/**
 * `postGraphQL` (same result, same limits: no redirect followed, bounded answer, timeout) for
 * calls to a candidate member, whose every connection goes through {@link guardedLookup}: an
 * address the policy refuses is never connected to, whatever the name resolves to by then.
 * (`postGraphQL` uses `fetch`, whose resolver cannot be replaced without undici's `Agent`.)
 * An `unreachable` result refused by the policy has the detail `forbidden address: <rule>`.
 */
export function guardedPostGraphQL(
  policy: MemberAddressPolicy,
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  options: PostGraphQLOptions = {},
): Promise<PostGraphQLResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_POST_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_POST_MAX_BYTES;
  const target = new URL(url);
  const literal = target.hostname.replace(/^\[|\]$/g, '');
  // An IP literal is connected to without a lookup: judged here.
  const literalRule = net.isIP(literal) && !policy.allowPrivateAddresses ? forbiddenAddressRule(literal) : null;
  if (literalRule) return Promise.resolve({ ok: false, failure: 'unreachable', detail: `forbidden address: ${literalRule}` });
  const body = JSON.stringify({
    query,
    variables,
    ...(options.operationName ? { operationName: options.operationName } : {}),
    ...(options.extensions ? { extensions: options.extensions } : {}),
  });
  return new Promise((resolve) => {
    let settled = false;
    const done = (result: PostGraphQLResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.destroy();
      resolve(result);
    };
    const timer = setTimeout(() => done({ ok: false, failure: 'timeout', detail: `no answer within ${timeoutMs} ms` }), timeoutMs);
    const request = (target.protocol === 'https:' ? https : http).request(
      target,
      {
        method: 'POST',
        agent: false,
        lookup: guardedLookup(policy) as unknown as net.LookupFunction,
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json',
          'content-length': Buffer.byteLength(body),
          ...options.headers,
        },
      },
      (res) => {
        const status = res.statusCode ?? 0;
        if (status >= 300 && status < 400) return done({ ok: false, status, failure: 'redirect', detail: `HTTP ${status} to ${res.headers.location ?? 'nowhere'}` });
        const tooLarge: PostGraphQLResult = { ok: false, status, failure: 'too large', detail: `answer larger than ${maxBytes} bytes` };
        if (Number(res.headers['content-length']) > maxBytes) return done(tooLarge);
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) done(tooLarge);
          else chunks.push(chunk);
        });
        res.on('end', () => done(readAnswer(status, Buffer.concat(chunks).toString('utf8'))));
        res.on('error', (err) => done(unreachable(err)));
      },
    );
    request.on('error', (err) => done(unreachable(err)));
    request.end(body);
  });
}

function unreachable(err: unknown): PostGraphQLResult {
  if (err instanceof ForbiddenAddressError) return { ok: false, failure: 'unreachable', detail: `forbidden address: ${err.rule}` };
  const code = (err as NodeJS.ErrnoException)?.code;
  return { ok: false, failure: 'unreachable', detail: code ?? (err instanceof Error ? err.message : String(err)) };
}

/** The checks `postGraphQL` makes of an answer body. */
function readAnswer(status: number, text: string): PostGraphQLResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return status >= 400
      ? { ok: false, status, failure: 'http', detail: `HTTP ${status}` }
      : { ok: false, status, failure: 'invalid answer', detail: `not JSON (${JSON.stringify(text.slice(0, 80))})` };
  }
  if (!isObject(json)) return { ok: false, status, failure: 'invalid answer', detail: 'not a JSON object' };
  const { data } = json;
  if (data !== undefined && data !== null && !isObject(data)) return { ok: false, status, failure: 'invalid answer', detail: '"data" is not an object' };
  const errors = Array.isArray(json.errors) ? json.errors.filter(isObject) : [];
  if (!isObject(data) && errors.length === 0) {
    return status >= 400 ? { ok: false, status, failure: 'http', detail: `HTTP ${status}` } : { ok: false, status, failure: 'invalid answer', detail: 'neither data nor errors' };
  }
  return { ok: true, status, data: isObject(data) ? data : null, errors, ...(isObject(json.extensions) ? { extensions: json.extensions } : {}) };
}
