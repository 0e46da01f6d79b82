import http from 'node:http';
import https from 'node:https';
import type net from 'node:net';
import { Readable } from 'node:stream';
import type { PostGraphQLRequestInit } from '../graphql/postGraphQL';

/** Statuses whose response has no body (`Response` refuses one). */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/**
 * A `fetch` for `postGraphQL` on Node's `http`/`https` clients with keep-alive agents: the same
 * exchange (one POST, redirects not followed, the answer streamed so that `postGraphQL` stops
 * reading at its size cap, aborted by the signal), at a fraction of the CPU of the global
 * `fetch`, whose request machinery costs about a millisecond per call on a loaded machine. The
 * gateway makes one such call on every request it routes to the national index, and to members.
 * `options.lookup` resolves the name of each new connection; `options.refuse` may refuse a URL
 * before anything is sent (the address policy of `guardedFetch` uses both).
 */
export function keepAliveFetch(options: { lookup?: net.LookupFunction; refuse?: (target: URL) => Error | null } = {}): (url: string, init: PostGraphQLRequestInit) => Promise<Response> {
  const agentOptions = { keepAlive: true, ...(options.lookup ? { lookup: options.lookup } : {}) };
  const agents = { 'http:': new http.Agent(agentOptions), 'https:': new https.Agent(agentOptions) };
  return (url, init) =>
    new Promise<Response>((resolve, reject) => {
      const target = new URL(url);
      const refused = options.refuse?.(target);
      if (refused) {
        reject(refused);
        return;
      }
      const client = target.protocol === 'https:' ? https : target.protocol === 'http:' ? http : undefined;
      if (!client) {
        reject(new TypeError(`unsupported protocol ${target.protocol}`));
        return;
      }
      const body = Buffer.from(init.body);
      const req = client.request(
        target,
        {
          method: init.method,
          agent: agents[target.protocol as keyof typeof agents],
          headers: { ...init.headers, 'content-length': String(body.byteLength) },
          signal: init.signal,
        },
        (res) => {
          const headers = new Headers();
          for (const [name, value] of Object.entries(res.headers)) if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
          const status = res.statusCode ?? 0;
          const noBody = NULL_BODY_STATUSES.has(status);
          if (noBody) res.resume();
          try {
            resolve(new Response(noBody ? null : (Readable.toWeb(res) as ReadableStream<Uint8Array>), { status, headers }));
          } catch (err) {
            // A status `Response` refuses (outside 200–599): no usable answer.
            res.destroy();
            reject(err);
          }
        },
      );
      req.on('error', reject);
      req.end(body);
    });
}
