#!/usr/bin/env node
// bibia-bench (`npm run bench [-- options]`): latency and throughput of the gateway.
require('../../packages/core/bin/register');
process.env.LOG_LEVEL ??= 'error';
const { Command, InvalidArgumentError } = require('commander');
const { version } = require('../package.json');

const positive = (raw) => {
  if (!(Number(raw) > 0)) throw new InvalidArgumentError('must be a positive number');
  return raw;
};
const program = new Command('bibia-bench')
  .description(
    'Latency and throughput of the gateway, measured side by side in one run: the same query straight to a member and\n' +
      'through the gateway (response cache off, then on), then a national search fanned out to 1, 10 and 50 members.\n' +
      'The exit code is non-zero when any stage failed.',
  )
  .version(version, '-V, --version')
  .argument('[mode]', '"fanout": national reading through the national index vs live fan-out, per member count (--members)')
  .option('--duration <s>', 'seconds per measure (env BENCH_DURATION, default 5)', positive)
  .option('--rounds <n>', 'alternating rounds (env BENCH_ROUNDS, default 3)', positive)
  .option('--connections <n>', 'concurrent connections (env BENCH_CONNECTIONS, default 10)', positive)
  .option('--fanout <list>', 'member counts, e.g. 1,10,50 (env BENCH_FANOUT, default 1,10,50)')
  .option('--members <list>', 'member counts of the fanout mode, e.g. 1,50,1000 (env BENCH_MEMBERS, default 1,50,1000)')
  .option('--json', 'also print each result as one JSON line (env BENCH_JSON=1)')
  .addHelpText(
    'after',
    '\nBENCH_DATABASE_URL puts members on PostgreSQL, one schema each (default embedded PGlite, about 220 MB per member).\n' +
      'fanout: one JSON line per result with --json ({ case, members, mode, p50_ms, p99_ms, rps }, harvest seconds, gateway_rss mb);\n' +
      'real registries for <= 50 members when BENCH_DATABASE_URL is set, light synthetic members otherwise.',
  )
  .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2))
  .allowExcessArguments(false)
  .parse();

// The benchmark reads its BENCH_* defaults itself; it is handed only the flags given.
const o = program.opts();
const [mode] = program.args;
if (mode !== undefined && mode !== 'fanout') {
  console.error(`bibia-bench: unknown mode "${mode}" (see --help)`);
  process.exit(2);
}
const args = [
  ...(mode ? [mode] : []),
  ...['duration', 'rounds', 'connections', 'fanout', 'members'].flatMap((name) => (o[name] === undefined ? [] : [`--${name}`, String(o[name])])),
  ...(o.json ? ['--json'] : []),
];
require('../src/bench/bench')
  .main(args)
  .then(
    (code) => process.exit(code ?? 0),
    (err) => {
      console.error(`bibia-bench: ${err instanceof Error ? err.message : err}`);
      process.exit(1);
    },
  );
