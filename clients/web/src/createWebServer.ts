import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { catalogueRoutes } from './catalogueRoutes';

/** Options of {@link createWebServer}. */
export interface WebServerOptions {
  /** @default 0 (any free port) */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
  /** The gateway's GraphQL endpoint POST /graphql is forwarded to. */
  gatewayUrl: string;
  /** Largest request body forwarded. @default 1 MiB */
  maxBodyBytes?: number;
}

export interface WebServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const FORWARDED_HEADERS = ['content-type', 'accept', 'authorization', 'apollo-require-preflight'];

/**
 * Serves the catalogue page alone, forwarding POST /graphql to the gateway so that the page
 * keeps talking to its own origin (the gateway serves the same routes itself in production).
 */
export async function createWebServer(options: WebServerOptions): Promise<WebServer> {
  const routes = catalogueRoutes();
  const maxBody = options.maxBodyBytes ?? 1024 * 1024;
  const server = http.createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    if (pathname === '/graphql') {
      forward(req, res).catch(() => {
        if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ errors: [{ message: 'The gateway could not be reached', extensions: { code: 'BAD_GATEWAY' } }] }));
      });
      return;
    }
    const route = routes[pathname];
    if (route) return route(req, res);
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Not found');
  });

  async function forward(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (req.method !== 'POST') {
      res.writeHead(405, { allow: 'POST', 'content-type': 'text/plain; charset=utf-8' });
      res.end('POST only');
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > maxBody) {
        res.writeHead(413, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('Request body too large');
        return;
      }
      chunks.push(chunk as Buffer);
    }
    const headers: Record<string, string> = {};
    for (const name of FORWARDED_HEADERS) {
      const value = req.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    // A reverse proxy, not a GraphQL call of this server: the page's request and the gateway's
    // answer pass through as bytes (status, APQ exchange, errors and any top-level `extensions`
    // included). postGraphQL (@bibia/core) is for the hub's own calls: it would re-encode the
    // request, keep only data and errors, and turn the gateway's HTTP errors into failures.
    const answer = await fetch(options.gatewayUrl, { method: 'POST', headers, body: Buffer.concat(chunks) });
    res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
    res.end(Buffer.from(await answer.arrayBuffer()));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1';
  return {
    url: `http://${host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
