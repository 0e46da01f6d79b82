import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloGateway } from '@apollo/gateway';
import type { RouteHandler } from '@bibia/core';
import { introspectionFromSchema, type GraphQLSchema } from 'graphql';
import { readExplorerExamples, type ExplorerExample } from './explorerExamples';

/** Options of {@link explorerRoutes}. */
export interface ExplorerOptions {
  /** The gateway whose API schema the explorer documents (followed when the supergraph changes). */
  gateway: ApolloGateway;
  /** Where the example operations are. @default schema/operations of the repository */
  operationsDir?: string;
  /** The GraphQL endpoint the explorer sends operations to. @default '/graphql' */
  endpoint?: string;
}

/** Where the explorer is served. */
export const EXPLORER_PATH = '/explorer';

/**
 * GraphiQL's own files and ours, from the same origin only. GraphiQL sets element styles from
 * script (allowed) and embeds its fonts as data: URLs. The dialogs' scroll lock (a `<style>` its
 * dialog library injects) is refused, harmlessly.
 */
export const EXPLORER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>BibIA API explorer</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${EXPLORER_PATH}/graphiql.css">
<link rel="stylesheet" href="${EXPLORER_PATH}/explorer.css">
</head>
<body>
<div id="explorer"><p class="explorer-loading">Loading the BibIA API explorer…</p></div>
<noscript>The API explorer needs JavaScript. The schema is also published as schema/supergraph.graphql.</noscript>
<script src="${EXPLORER_PATH}/react.js"></script>
<script src="${EXPLORER_PATH}/react-dom.js"></script>
<script src="${EXPLORER_PATH}/graphiql.js"></script>
<script src="${EXPLORER_PATH}/explorer.js"></script>
</body>
</html>
`;

const STYLE = `html, body, #explorer { height: 100%; margin: 0; }
.explorer-loading { font-family: sans-serif; padding: 1rem; }
`;

const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

/** A file of an installed package (resolved from the gateway, which pins their versions). */
function packageFile(pkg: string, file: string): string {
  return path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);
}

/** What the page needs besides the files: endpoint, examples, and the schema as introspection. */
interface ExplorerSetup {
  endpoint: string;
  /** Changes with the examples: the page keeps the tabs of one version in the browser's storage. */
  version: string;
  examples: ExplorerExample[];
  schema: unknown;
}

/**
 * The API explorer: GraphiQL (from the `graphiql` npm package, with React's UMD builds) at
 * `/explorer`, with the operations of schema/operations as tabs and the API schema's
 * documentation. The schema is given to GraphiQL from the gateway's own API schema, so the
 * documentation is there whether or not the GraphQL endpoint answers introspection.
 */
export function explorerRoutes(options: ExplorerOptions): Record<string, RouteHandler> {
  let schema: GraphQLSchema | undefined;
  let setup: Served | undefined;
  options.gateway.onSchemaLoadOrUpdate(({ apiSchema }) => {
    schema = apiSchema;
    setup = undefined;
  });
  const examples = lazy(() => readExplorerExamples(options.operationsDir));
  const setupFile = (): Served | undefined => {
    if (!schema) return undefined;
    if (!setup) {
      const body: ExplorerSetup = {
        endpoint: options.endpoint ?? '/graphql',
        version: crypto.createHash('sha256').update(JSON.stringify(examples())).digest('hex').slice(0, 12),
        examples: examples(),
        schema: introspectionFromSchema(schema, { descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, inputValueDeprecation: true }),
      };
      const json = Buffer.from(JSON.stringify(body));
      setup = { body: json, type: 'application/json; charset=utf-8', etag: etagOf(json) };
    }
    return setup;
  };
  return {
    [EXPLORER_PATH]: serve(() => Buffer.from(PAGE), 'text/html; charset=utf-8'),
    [`${EXPLORER_PATH}/explorer.css`]: serve(() => Buffer.from(STYLE), CSS),
    [`${EXPLORER_PATH}/explorer.js`]: serve(() => fs.readFileSync(path.join(__dirname, 'explorerClient.js')), JS),
    [`${EXPLORER_PATH}/graphiql.js`]: serve(() => fs.readFileSync(packageFile('graphiql', 'graphiql.min.js')), JS),
    [`${EXPLORER_PATH}/graphiql.css`]: serve(() => fs.readFileSync(packageFile('graphiql', 'graphiql.min.css')), CSS),
    [`${EXPLORER_PATH}/react.js`]: serve(() => fs.readFileSync(packageFile('react', 'umd/react.production.min.js')), JS),
    [`${EXPLORER_PATH}/react-dom.js`]: serve(() => fs.readFileSync(packageFile('react-dom', 'umd/react-dom.production.min.js')), JS),
    [`${EXPLORER_PATH}/setup.json`]: (req, res) => {
      const file = setupFile();
      if (!file) return sendText(res, 503, 'The gateway has not loaded its schema yet.');
      return serveBody(req, res, file);
    },
  };
}

interface Served {
  body: Buffer;
  type: string;
  etag: string;
  gzipped?: Buffer;
}

/** A file read once, at its first request, served with its ETag and gzipped when the client accepts it. */
function serve(read: () => Buffer, type: string): RouteHandler {
  const file = lazy((): Served => {
    const body = read();
    return { body, type, etag: etagOf(body) };
  });
  return (req, res) => serveBody(req, res, file());
}

function serveBody(req: IncomingMessage, res: ServerResponse, file: Served): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD');
    return sendText(res, 405, 'Method not allowed');
  }
  const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) && file.body.length > 1024;
  const headers: Record<string, string> = {
    'content-type': file.type,
    'content-security-policy': EXPLORER_CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'cache-control': 'no-cache',
    vary: 'accept-encoding',
    etag: file.etag,
  };
  if (req.headers['if-none-match'] === file.etag) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  if (gzip) file.gzipped ??= zlib.gzipSync(file.body);
  const body = gzip ? file.gzipped! : file.body;
  res.writeHead(200, { ...headers, ...(gzip ? { 'content-encoding': 'gzip' } : {}), 'content-length': String(body.length) });
  res.end(req.method === 'HEAD' ? undefined : body);
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' });
  res.end(text);
}

function etagOf(body: Buffer): string {
  // Weak: the same ETag names the gzipped and the plain bytes.
  return `W/"${crypto.createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}
