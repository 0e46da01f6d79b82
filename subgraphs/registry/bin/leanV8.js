// V8 settings for a member registry: a small, mostly idle server. They are set at run time, before
// anything is loaded (docs/registry.md, "Footprint", has the figures):
// - --liftoff-only: WebAssembly (PGlite's PostgreSQL, Prisma's query compiler) runs on V8's
//   baseline compiler only. Optimising it again on background threads cost about 100 MB of RSS
//   (optimised code and the malloc arenas of those threads) and seconds of CPU at each start, for
//   no measurable gain on a member's queries.
// - --semi-space-growth-factor=1: the young generation keeps its first size (1 MB semi-spaces)
//   instead of growing to 16 MB during the start and keeping them: the run-time equivalent of
//   --max-semi-space-size=1 (which only works on the command line), about 25 MB. Not set when
//   NODE_OPTIONS or the command line choose a semi-space size.
// - --optimize-for-size during the start only: the modules' heap is about 10 MB smaller; requests
//   then run without it (it costs CPU per request).
// BIBIA_V8_DEFAULTS=off keeps V8's defaults.
const v8 = require('node:v8');

/**
 * Sets the flags above unless `env.BIBIA_V8_DEFAULTS` is `off`; returns what to call once the
 * server listens.
 * @param {NodeJS.ProcessEnv} env
 * @param {string[]} execArgv
 * @returns {{ flags: string[], afterStart: () => void }}
 */
function applyLeanV8Flags(env = process.env, execArgv = process.execArgv) {
  if (env.BIBIA_V8_DEFAULTS === 'off') return { flags: [], afterStart: () => {} };
  const flags = ['--liftoff-only', '--optimize-for-size'];
  if (!/semi[-_]space/.test(`${env.NODE_OPTIONS ?? ''} ${execArgv.join(' ')}`)) flags.push('--semi-space-growth-factor=1');
  for (const flag of flags) v8.setFlagsFromString(flag);
  return { flags, afterStart: () => v8.setFlagsFromString('--no-optimize-for-size') };
}

module.exports = { applyLeanV8Flags };
