import http from 'node:http';
import https from 'node:https';
import type net from 'node:net';
import type { PostAnswer, PostGraphQLRequestInit } from '../graphql/postGraphQL';

/**
 * A `fetch` for `postGraphQL` on Node's `http`/`https` clients with keep-alive agents: the same
 * exchange (one POST, redirects not followed, the answer streamed so that `postGraphQL` stops
 * reading at its size cap, aborted by the signal), at a fraction of the CPU of the global
 * `fetch`, whose request machinery costs about a millisecond per call on a loaded machine: the
 * answer is Node's own response stream, not a WHATWG `Response` over a web stream. The
 * gateway makes one such call on every request it routes to the national index, and to members.
 * `options.lookup` resolves the name of each new connection; `options.refuse` may refuse a URL
 * before anything is sent (the address policy of `guardedFetch` uses both).
 */
export function keepAliveFetch(options: { lookup?: net.LookupFunction; refuse?: (target: URL) => Error | null } = {}): (url: string, init: PostGraphQLRequestInit) => Promise<PostAnswer> {
  const agentOptions = { keepAlive: true, ...(options.lookup ? { lookup: options.lookup } : {}) };
  const agents = { 'http:': new http.Agent(agentOptions), 'https:': new https.Agent(agentOptions) };
  return (url, init) =>
    new Promise<PostAnswer>((resolve, reject) => {
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
          resolve({
            status: res.statusCode ?? 0,
            headers: {
              get: (name) => {
                const value = res.headers[name.toLowerCase()];
                return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
              },
            },
            body: {
              [Symbol.asyncIterator]: () => res[Symbol.asyncIterator](),
              cancel: async () => {
                res.destroy();
              },
            },
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
}
