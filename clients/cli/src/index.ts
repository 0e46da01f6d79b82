// The `bibia` command as a library: `run` is what bin/bibia.js calls; tests call it with their
// own streams and environment.
export { run, buildProgram } from './main';
export { processIO, type CliIO } from './io';
