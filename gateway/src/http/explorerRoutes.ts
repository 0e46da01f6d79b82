import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import type { GatewayInterface } from '@apollo/server-gateway-interface';
import { sendStatic, staticBody, STATIC_CONTENT_TYPES, type RouteHandler, type StaticBody } from '@bibia/core';
import { introspectionFromSchema, type GraphQLSchema } from 'graphql';
import { readExplorerExamples, type ExplorerExample } from './explorerExamples';

/** Options of {@link explorerRoutes}. */
export interface ExplorerOptions {
  /** The gateway whose API schema the explorer documents (followed when the supergraph changes). */
  gateway: Pick<GatewayInterface, 'onSchemaLoadOrUpdate'>;
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

const JS = STATIC_CONTENT_TYPES['.js'];
const CSS = STATIC_CONTENT_TYPES['.css'];

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
  let setup: StaticBody | undefined;
  options.gateway.onSchemaLoadOrUpdate(({ apiSchema }) => {
    schema = apiSchema;
    setup = undefined;
  });
  const examples = lazy(() => readExplorerExamples(options.operationsDir));
  const setupFile = (): StaticBody | undefined => {
    if (!schema) return undefined;
    if (!setup) {
      const body: ExplorerSetup = {
        endpoint: options.endpoint ?? '/graphql',
        version: crypto.createHash('sha256').update(JSON.stringify(examples())).digest('hex').slice(0, 12),
        examples: examples(),
        schema: introspectionFromSchema(schema, { descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, inputValueDeprecation: true }),
      };
      setup = explorerFile(JSON.stringify(body), 'application/json; charset=utf-8');
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
      return sendStatic(req, res, file);
    },
  };
}

/** A file read once, at its first request, served with its ETag and gzipped when the client accepts it. */
function serve(read: () => Buffer, contentType: string): RouteHandler {
  const file = lazy(() => explorerFile(read(), contentType));
  return (req, res) => sendStatic(req, res, file());
}

function explorerFile(content: string | Buffer, contentType: string): StaticBody {
  return staticBody(content, { contentType, gzip: true, headers: { 'content-security-policy': EXPLORER_CSP } });
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' });
  res.end(text);
}

function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}
