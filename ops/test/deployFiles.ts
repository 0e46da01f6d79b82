// Readers of the deployment files in deploy/ for ops/test/deploy.test.ts: Dockerfiles, Compose
// files, Kubernetes manifests and systemd units, reduced to what the test compares with the code
// (commands, environment, ports, health paths, files copied into images).
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';

export const ROOT = path.join(__dirname, '..', '..');
export const read = (rel: string) => fs.readFileSync(path.join(ROOT, rel), 'utf8');
export const exists = (rel: string) => fs.existsSync(path.join(ROOT, rel));
// `merge`: Compose files share settings through `<<: *anchor` (YAML 1.1 merge keys).
export const yamlDocs = (rel: string): any[] => YAML.parseAllDocuments(read(rel), { merge: true }).map((d) => d.toJS());

/** One Dockerfile instruction, continuation lines joined. */
export interface Instruction {
  op: string;
  args: string;
}

export interface Stage {
  name?: string;
  instructions: Instruction[];
}

/** The stages of a Dockerfile (comments dropped, `\` continuations joined). */
export function parseDockerfile(text: string): Stage[] {
  const lines = text.replace(/\\\n/g, ' ').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  const stages: Stage[] = [];
  for (const line of lines) {
    const [, op, args] = /^(\S+)\s*(.*)$/.exec(line)!;
    if (op.toUpperCase() === 'FROM') stages.push({ name: /\bAS\s+(\S+)$/i.exec(args)?.[1], instructions: [] });
    stages.at(-1)?.instructions.push({ op: op.toUpperCase(), args });
  }
  return stages;
}

/** `["a", "b"]` (exec form) or `a b` (shell form, split on spaces). */
export function argv(args: string): string[] {
  return args.trim().startsWith('[') ? JSON.parse(args) : args.trim().split(/\s+/);
}

/** `--flag=value` options, then the rest. */
export function splitOptions(args: string): { options: Record<string, string>; rest: string } {
  const options: Record<string, string> = {};
  let rest = args.trim();
  for (let m = /^--([\w-]+)=(\S+)\s+/.exec(rest); m; m = /^--([\w-]+)=(\S+)\s+/.exec(rest)) {
    options[m[1]] = m[2];
    rest = rest.slice(m[0].length);
  }
  return { options, rest };
}

/** `A=1 B=2` (ENV, systemd Environment=) as an object. */
export function assignments(args: string): Record<string, string> {
  return Object.fromEntries(args.trim().split(/\s+/).filter(Boolean).map((pair) => {
    const at = pair.indexOf('=');
    return [pair.slice(0, at), pair.slice(at + 1)];
  }));
}

/** `NAME=value` lines of an env file (comments and blank lines skipped). */
export function envFile(rel: string): Record<string, string> {
  return assignments(read(rel).split('\n').filter((l) => /^\w+=/.test(l)).map((l) => l.replace(/\s/g, '')).join(' '));
}

/** Where an image's files come from: a path in the image (from WORKDIR) and the repository path copied there. */
export interface CopiedPath {
  image: string;
  repo: string;
}

/** What the final stage of a Dockerfile gives its containers. */
export interface Image {
  file: string;
  stages: Stage[];
  env: Record<string, string>;
  user?: string;
  expose: number[];
  volumes: string[];
  healthcheck?: string[];
  command: string[];
  /** Files from the build context, in the final image (through any stage). */
  copied: CopiedPath[];
  /** Commands run at build time (RUN), every stage. */
  runs: string[];
}

const norm = (p: string) => path.posix.normalize(p).replace(/^\.\/?/, '').replace(/\/$/, '');

/** Reads `deploy/docker/<name>.Dockerfile`. */
export function readImage(file: string): Image {
  const stages = parseDockerfile(read(file));
  const copiedBy = new Map<string, CopiedPath[]>();
  const image: Image = { file, stages, env: {}, expose: [], volumes: [], command: [], copied: [], runs: [] };
  let entrypoint: string[] = [];
  let cmd: string[] = [];
  stages.forEach((stage, i) => {
    const copied: CopiedPath[] = [];
    for (const { op, args } of stage.instructions) {
      if (op === 'RUN') image.runs.push(args);
      if (op !== 'COPY') continue;
      const { options, rest } = splitOptions(args);
      const parts = argv(rest);
      const dest = parts.pop()!;
      if (options.from) copied.push(...(copiedBy.get(options.from) ?? []));
      else for (const src of parts) copied.push({ image: norm(dest.endsWith('/') && !fs.statSync(path.join(ROOT, src)).isDirectory() ? path.posix.join(dest, path.posix.basename(src)) : dest), repo: norm(src) });
    }
    copiedBy.set(stage.name ?? String(i), copied);
    if (i === stages.length - 1) image.copied = copied;
  });
  for (const { op, args } of stages.at(-1)!.instructions) {
    if (op === 'ENV') Object.assign(image.env, assignments(args));
    if (op === 'USER') image.user = args.trim();
    if (op === 'EXPOSE') image.expose.push(...args.trim().split(/\s+/).map(Number));
    if (op === 'VOLUME') image.volumes.push(...argv(args));
    if (op === 'HEALTHCHECK') image.healthcheck = argv(/\bCMD\s+(.*)$/.exec(args)![1]);
    if (op === 'ENTRYPOINT') entrypoint = argv(args);
    if (op === 'CMD') cmd = argv(args);
  }
  image.command = [...entrypoint, ...cmd];
  return image;
}

/** The repository path an image path comes from, when a COPY put it there (and it exists). */
export function sourceInImage(image: Image, p: string): string | undefined {
  const want = norm(p);
  for (const c of image.copied) {
    if (want !== c.image && !want.startsWith(`${c.image}/`) && c.image !== '') continue;
    const repo = path.posix.join(c.repo, c.image === '' ? want : want.slice(c.image.length));
    if (exists(repo)) return repo;
  }
  return undefined;
}

/** Compose-style `${NAME}`, `${NAME:-default}`, `${NAME:?error}` substitution. */
export function interpolate(value: string, vars: Record<string, string>): string {
  return value.replace(/\$\{(\w+)(?::([-?])([^}]*))?\}/g, (_all, name: string, kind?: string, word?: string) => {
    const v = vars[name];
    if (v) return v;
    if (kind === '?') throw new Error(`${name} is required: ${word}`);
    return kind === '-' ? (word ?? '') : '';
  });
}

/** The names `${...}` refers to in a text. */
export const interpolatedNames = (text: string) => new Set([...text.matchAll(/\$\{(\w+)/g)].map((m) => m[1]));

/** Sections of a systemd unit: key → values (a key may repeat). */
export function parseUnit(text: string): Record<string, Record<string, string[]>> {
  const sections: Record<string, Record<string, string[]>> = {};
  let current: Record<string, string[]> = {};
  for (const line of text.split('\n').map((l) => l.trim())) {
    if (!line || line.startsWith('#')) continue;
    const section = /^\[(\w+)\]$/.exec(line);
    if (section) sections[section[1]] = current = {};
    else {
      const at = line.indexOf('=');
      (current[line.slice(0, at)] ??= []).push(line.slice(at + 1));
    }
  }
  return sections;
}
