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
  .argument(
    '[mode]',
    '"fanout": national reading through the national index vs live fan-out, per member count (--members);\n' +
      '"peers": the gateway against plain @apollo/gateway and Hive Gateway (issue 12: G1, G1b, G2, G4; --cases)',
  )
  .option('--duration <s>', 'seconds per measure (env BENCH_DURATION, default 5)', positive)
  .option('--rounds <n>', 'alternating rounds (env BENCH_ROUNDS, default 3)', positive)
  .option('--connections <n>', 'concurrent connections (env BENCH_CONNECTIONS, default 10)', positive)
  .option('--fanout <list>', 'member counts, e.g. 1,10,50 (env BENCH_FANOUT, default 1,10,50)')
  .option('--members <list>', 'member counts of the fanout mode, e.g. 1,50,1000 (env BENCH_MEMBERS, default 1,50,1000)')
  .option('--cases <list>', 'peers: cases to run, e.g. G1,G2 (env BENCH_CASES, default G1,G1b,G2,G4)')
  .option('--json', 'also print each result as one JSON line (env BENCH_JSON=1)')
  .addHelpText(
    'after',
    '\nBENCH_DATABASE_URL puts members on PostgreSQL, one schema each (default embedded PGlite, about 220 MB per member).\n' +
      'fanout: one JSON line per result with --json ({ case, members, mode, p50_ms, p99_ms, rps }, harvest seconds, gateway_rss mb);\n' +
      'real registries for <= 50 members when BENCH_DATABASE_URL is set, light synthetic members otherwise.\n' +
      'peers: one line per gateway and case ({ case, config, p50_ms, p99_ms, rps, cpu_ms_per_req, ... }), JSON lines only with\n' +
      '--json; each gateway in a child process, its own CPU time per request; G2 with 50 connections. See docs/architecture.md.',
  )
  .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2))
  .allowExcessArguments(false)
  .parse();

// The benchmark reads its BENCH_* defaults itself; it is handed only the flags given.
const o = program.opts();
const [mode] = program.args;
if (mode !== undefined && mode !== 'fanout' && mode !== 'peers') {
  console.error(`bibia-bench: unknown mode "${mode}" (see --help)`);
  process.exit(2);
}
const exitWith = (promise) =>
  promise.then(
    (code) => process.exit(code ?? 0),
    (err) => {
      console.error(`bibia-bench: ${err instanceof Error ? err.message : err}`);
      process.exit(1);
    },
  );
const flag = (name) => (o[name] === undefined ? undefined : Number(o[name]));
if (mode === 'peers') {
  const peers = require('../src/bench/peers');
  let cases;
  try {
    cases = o.cases === undefined ? undefined : peers.parseCases(o.cases);
  } catch (err) {
    console.error(`bibia-bench: --cases: ${err.message}`);
    process.exit(2);
  }
  exitWith(peers.main({ duration: flag('duration'), rounds: flag('rounds'), connections: flag('connections'), json: o.json ? true : undefined, cases }));
} else {
  const args = [
    ...(mode ? [mode] : []),
    ...['duration', 'rounds', 'connections', 'fanout', 'members'].flatMap((name) => (o[name] === undefined ? [] : [`--${name}`, String(o[name])])),
    ...(o.json ? ['--json'] : []),
  ];
  exitWith(require('../src/bench/bench').main(args));
}
