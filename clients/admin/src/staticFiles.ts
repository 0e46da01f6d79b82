import fs from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { contentTypeOf, sendStatic, staticBody, STATIC_CONTENT_TYPES } from '@bibia/core';
import { ENUM_LABELS } from '@bibia/sdk';
import { CONTENT_SECURITY_POLICY } from '@bibia/web/src/catalogueRoutes';
import { ADMIN_PREFIX, GENERATED_FILES, PUBLIC_DIR } from './paths';
import { SECURITY_HEADERS } from './httpHelpers';

/**
 * The catalogue page's policy: only our own origin, no inline code or style, no frames, forms
 * posting only here. The back-office needs nothing more.
 */
export { CONTENT_SECURITY_POLICY };

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** The back-office's files by URL path (`/admin` and `/admin/` are the page), read once. */
export function staticFiles(): Map<string, Handler> {
  const files = new Map<string, Handler>();
  for (const name of fs.readdirSync(PUBLIC_DIR)) {
    const type = contentTypeOf(name);
    if (!type) continue;
    const handler = serveFile(fs.readFileSync(path.join(PUBLIC_DIR, name)), type);
    if (name === 'index.html') {
      files.set(ADMIN_PREFIX, handler);
      files.set(`${ADMIN_PREFIX}/`, handler);
    } else files.set(`${ADMIN_PREFIX}/${name}`, handler);
  }
  const labels = `// The SDK's French labels of the contract's enums (@bibia/sdk ENUM_LABELS).\nexport const ENUM_LABELS = ${JSON.stringify(ENUM_LABELS, null, 1)};\n`;
  files.set(`${ADMIN_PREFIX}/${GENERATED_FILES.labels}`, serveFile(Buffer.from(labels), STATIC_CONTENT_TYPES['.js']));
  return files;
}

/** The caller answers other methods than GET and HEAD (with the back-office's French error). */
function serveFile(body: Buffer, contentType: string): Handler {
  // The file's own cache policy (no-cache, with its ETag) replaces the back-office's no-store.
  const file = staticBody(body, { contentType, headers: { ...SECURITY_HEADERS, 'content-security-policy': CONTENT_SECURITY_POLICY } });
  return (req, res) => sendStatic(req, res, file);
}
