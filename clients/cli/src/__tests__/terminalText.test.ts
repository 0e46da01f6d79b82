import type { CliIO } from '../io';
import { terminalJson, terminalText } from '../format';
import { printJson, printRecord, printTable, warnUnavailable } from '../output';

const CSI = '\u009b'; // one-character terminal escape (C1)
const RLO = '\u202e'; // right-to-left override
const ESC = '\u001b';
const HOSTILE = `Chatbot${CSI}2J${RLO}txt.exe${ESC}[31m rouge\u0007\u200b`;
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b\u202a-\u202e\u2066-\u2069\ufeff]/;

function captureIO(): CliIO & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout: (t: string) => void (io.out += t),
    stderr: (t: string) => void (io.err += t),
    env: {},
    stderrIsTTY: false,
    columns: 100,
  };
  return io;
}

describe('terminalText', () => {
  it('removes C0 (but tab and line feed), C1, bidi and zero-width characters', () => {
    expect(terminalText(HOSTILE)).toBe('Chatbot2Jtxt.exe[31m rouge');
    expect(terminalText('a\tb\r\nc\rd')).toBe('a\tb\nc\nd');
    expect(terminalText('Béthune — Œuvres : « ok »')).toBe('Béthune — Œuvres : « ok »');
  });

  it('escapes in JSON what JSON.stringify leaves raw, so the data is kept', () => {
    const json = terminalJson(JSON.stringify({ name: HOSTILE }));
    expect(json).not.toMatch(UNSAFE);
    expect(JSON.parse(json)).toEqual({ name: HOSTILE });
  });
});

describe('CLI output of server texts', () => {
  it('prints tables and records without control or direction-override characters', () => {
    const io = captureIO();
    printTable(io, ['Outil', 'Id'], [[HOSTILE, '216200410:chatbot']], [3, 0]);
    printRecord(io, [['Nom', HOSTILE], ['Description', `ligne 1\nligne 2${CSI}`]]);
    expect(io.out).not.toMatch(UNSAFE);
    expect(io.out).toContain('Chatbot2Jtxt.exe[31m');
    expect(io.out).toContain('ligne 2');
  });

  it('prints JSON and warnings without them', () => {
    const io = captureIO();
    printJson(io, { tool: { name: HOSTILE } });
    warnUnavailable(io, [{ siren: '216200410', name: `Arras${RLO}`, message: `down${CSI}` }]);
    expect(io.out).not.toMatch(UNSAFE);
    expect(JSON.parse(io.out)).toEqual({ tool: { name: HOSTILE } });
    expect(io.err).not.toMatch(UNSAFE);
    expect(io.err).toContain('Arras (SIREN 216200410): down');
  });
});
