import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GENERATE_STEPS, REPO_ROOT, generateAll } from '../src/generate';

const git = (args: string[], cwd = REPO_ROOT) => execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

/** Every file of the working tree that git would commit (tracked, or untracked and not ignored). */
function committableFiles(root: string): string[] {
  return git(['ls-files', '--cached', '--others', '--exclude-standard', '-z'], root).split('\0')
    .filter((f) => f && fs.existsSync(path.join(root, f)) && fs.lstatSync(path.join(root, f)).isFile());
}

describe('npm run generate', () => {
  let copy: string;

  beforeAll(() => {
    // A copy of the working tree (node_modules linked, not copied), so the test never writes to
    // the checkout it runs in.
    copy = fs.mkdtempSync(path.join(os.tmpdir(), 'bibia-generate-'));
    for (const file of committableFiles(REPO_ROOT)) {
      fs.mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
      fs.copyFileSync(path.join(REPO_ROOT, file), path.join(copy, file));
    }
    fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(copy, 'node_modules'));
    git(['init', '-q'], copy);
  });

  afterAll(() => fs.rmSync(copy, { recursive: true, force: true }));

  it('leaves every committed file as it is: nothing generated has drifted or gone missing', () => {
    const before = new Map(committableFiles(copy).map((f) => [f, fs.readFileSync(path.join(copy, f), 'utf8')]));
    generateAll(copy, () => undefined);
    const after = committableFiles(copy);
    const changed = after.filter((f) => before.get(f) !== fs.readFileSync(path.join(copy, f), 'utf8'));
    const hint = 'run `npm run generate` and commit what changes';
    expect({ changed, hint }).toEqual({ changed: [], hint });
  }, 240_000);

  it('declares only outputs that exist after generation', () => {
    const missing = GENERATE_STEPS.flatMap((s) => s.writes).filter((f) => !fs.existsSync(path.join(REPO_ROOT, f)));
    expect(missing).toEqual([]);
  });
});
