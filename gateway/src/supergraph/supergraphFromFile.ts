import fs from 'node:fs';
import path from 'node:path';
import type { SupergraphSdlHook } from '@apollo/gateway';
import type { Logger } from '@bibia/core';

/**
 * Serves a supergraph file to Apollo Gateway and reloads it when it changes (no restart). The
 * directory is watched rather than the file, because editors and `npm run compose` replace the
 * file (rename) instead of writing into it. A file that does not load is logged and the previous
 * schema stays in service.
 */
export function supergraphFromFile(file: string, logger: Logger, debounceMs = 50): SupergraphSdlHook {
  return async ({ update }) => {
    if (!fs.existsSync(file)) throw new Error(`Supergraph file ${file} not found: compose it with \`npm run compose\` (or set SUPERGRAPH_FILE)`);
    let current = fs.readFileSync(file, 'utf8');
    let timer: NodeJS.Timeout | undefined;
    const reload = () => {
      let next: string;
      try {
        next = fs.readFileSync(file, 'utf8');
      } catch {
        return; // between a delete and a rename: the next event brings the new file
      }
      if (next === current || next.trim() === '') return;
      try {
        update(next);
        current = next;
        logger.info({ file }, 'supergraph reloaded');
      } catch (err) {
        logger.error({ file, err: (err as Error).message }, 'the new supergraph does not load; the previous one stays in service');
      }
    };
    const watcher = fs.watch(path.dirname(path.resolve(file)), (_event, name) => {
      if (name && name !== path.basename(file)) return;
      clearTimeout(timer);
      timer = setTimeout(reload, debounceMs);
    });
    watcher.on('error', (err) => logger.warn({ file, err: err.message }, 'cannot watch the supergraph file: no reload on change'));
    return {
      supergraphSdl: current,
      cleanup: async () => {
        clearTimeout(timer);
        watcher.close();
      },
    };
  };
}
