import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ENUM_LABELS } from '@bibia/sdk';
import { CONTENT_SECURITY_POLICY } from '@bibia/web/src/catalogueRoutes';
import { ADMIN_PREFIX, GENERATED_FILES, PUBLIC_DIR } from './paths';
import { SECURITY_HEADERS } from './httpHelpers';

/**
 * The catalogue page's policy: only our own origin, no inline code or style, no frames, forms
 * posting only here. The back-office needs nothing more.
 */
export { CONTENT_SECURITY_POLICY };

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** The back-office's files by URL path (`/admin` and `/admin/` are the page), read once. */
export function staticFiles(): Map<string, Handler> {
  const files = new Map<string, Handler>();
  for (const name of fs.readdirSync(PUBLIC_DIR)) {
    const type = TYPES[path.extname(name)];
    if (!type) continue;
    const handler = serveFile(fs.readFileSync(path.join(PUBLIC_DIR, name)), type);
    if (name === 'index.html') {
      files.set(ADMIN_PREFIX, handler);
      files.set(`${ADMIN_PREFIX}/`, handler);
    } else files.set(`${ADMIN_PREFIX}/${name}`, handler);
  }
  const labels = `// The SDK's French labels of the contract's enums (@bibia/sdk ENUM_LABELS).\nexport const ENUM_LABELS = ${JSON.stringify(ENUM_LABELS, null, 1)};\n`;
  files.set(`${ADMIN_PREFIX}/${GENERATED_FILES.labels}`, serveFile(Buffer.from(labels), TYPES['.js']));
  return files;
}

function serveFile(body: Buffer, type: string): Handler {
  const etag = `"${crypto.createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  return (req, res) => {
    const headers = { ...SECURITY_HEADERS, 'content-type': type, 'content-security-policy': CONTENT_SECURITY_POLICY, 'cache-control': 'no-cache', etag };
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    res.writeHead(200, { ...headers, 'content-length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}
