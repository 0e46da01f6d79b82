import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');

/** Every executable every workspace declares in its package.json `bin`. */
function declaredBins(): { name: string; file: string; version: string }[] {
  const workspaces: string[] = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).workspaces;
  return workspaces.flatMap((dir) => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, dir, 'package.json'), 'utf8'));
    return Object.entries<string>(pkg.bin ?? {}).map(([name, file]) => ({ name, file: path.join(ROOT, dir, file), version: pkg.version }));
  });
}

function run(file: string, arg: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    // An empty environment but PATH: a bin must answer --help without any variable (and never start a server).
    execFile(process.execPath, [file, arg], { cwd: ROOT, env: { PATH: process.env.PATH }, timeout: 150_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? null) : 0, stdout, stderr });
    });
  });
}

describe('every bin answers --help and --version without starting anything', () => {
  const bins = declaredBins();

  it('declares the apps people run', () => {
    expect(bins.map((b) => b.name)).toEqual(
      expect.arrayContaining(['bibia', 'bibia-registry', 'bibia-directory', 'bibia-conformance', 'bibia-gateway', 'bibia-compose', 'bibia-web', 'bibia-codegen', 'bibia-dev-stack', 'bibia-bench']),
    );
    for (const bin of bins) expect(fs.existsSync(bin.file)).toBe(true);
  });

  it('--version prints the package version and --help the usage, exit 0 (all bins in parallel)', async () => {
    const jobs = bins.flatMap((bin) => ['--version', '--help'].map((arg) => async () => ({ bin: bin.name, arg, version: bin.version, ...(await run(bin.file, arg)) })));
    const results = await inParallel(jobs, Math.max(4, os.cpus().length * 2));
    for (const r of results) {
      const shown = { bin: r.bin, arg: r.arg, code: r.code, stderr: r.stderr };
      expect({ ...shown, code: r.code }).toEqual({ ...shown, code: 0 });
      if (r.arg === '--version') expect(`${r.bin}: ${r.stdout.trim()}`).toBe(`${r.bin}: ${r.version}`);
      else expect(`${r.bin}: ${r.stdout}`).toMatch(new RegExp(`^${r.bin}: Usage: ${r.bin} `));
    }
  }, 300_000);
});

/** Runs the jobs, `width` at a time (each is a Node process loading TypeScript), in order of results. */
async function inParallel<T>(jobs: (() => Promise<T>)[], width: number): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await jobs[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, jobs.length) }, worker));
  return results;
}
