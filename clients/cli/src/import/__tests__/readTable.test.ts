import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InvalidFileError, readTable } from '../readTable';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bibia-read-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, content);
  return p;
}

describe('readTable', () => {
  it('reads a ;-separated CSV with a BOM and a multi-line cell, with the line of each row', () => {
    const t = readTable(file('a.csv', '\uFEFFname;summary\r\nTri;"Sur deux\r\nlignes"\r\n\r\nAutre;Court\r\n'));
    expect(t).toEqual({
      format: 'csv',
      delimiter: ';',
      headers: ['name', 'summary'],
      rows: [
        { line: 2, cells: ['Tri', 'Sur deux\nlignes'] },
        { line: 5, cells: ['Autre', 'Court'] },
      ],
    });
  });

  it('reads a ,-separated CSV whose cells hold semicolons', () => {
    const t = readTable(file('b.csv', 'name,summary\nTri,"a; b; c"\n'));
    expect(t.delimiter).toBe(',');
    expect(t.rows[0].cells).toEqual(['Tri', 'a; b; c']);
  });

  it('reads a JSON array of rows', () => {
    const t = readTable(file('c.json', JSON.stringify([{ name: 'A', themes: ['HEALTH'] }, { name: 'B', status: 'PILOT' }])));
    expect(t).toEqual({ format: 'json', headers: ['name', 'themes', 'status'], rows: [{ cells: ['A', ['HEALTH'], undefined] }, { cells: ['B', undefined, 'PILOT'] }] });
  });

  it.each([
    ['ragged.csv', 'name;summary\nA;b\nC;d;e\n', 'not valid CSV: Invalid Record Length: expect 2, got 3', 3],
    ['quote.csv', 'name;summary\nA;"b\n', 'not valid CSV: Quote Not Closed: the parsing is finished with an opening quote', 2],
    ['latin1.csv', Buffer.concat([Buffer.from('name;summary\nA;b\nCaf'), Buffer.from([0xe9]), Buffer.from(';x\n')]), 'is not UTF-8 text (save it as "CSV UTF-8")', 3],
    ['bad.json', '[\n{"name": "A"},\n{"name": }\n]', expect.stringMatching(/^not valid JSON: /), 3],
    ['object.json', '{"name": "A"}', 'must be a JSON array of rows (objects), or an object holding one such array', undefined],
    ['empty.csv', '', 'is empty', undefined],
  ])('rejects %s with the reason and the line', (name, content, reason, line) => {
    const p = file(name, content);
    let error: InvalidFileError | undefined;
    try {
      readTable(p);
    } catch (e) {
      error = e as InvalidFileError;
    }
    expect(error).toBeInstanceOf(InvalidFileError);
    expect({ reason: error!.reason, line: error!.line }).toEqual({ reason, line });
  });

  it('says when the file cannot be read', () => {
    expect(() => readTable(path.join(dir, 'missing.csv'))).toThrow(/missing\.csv: cannot read it \(ENOENT\)/);
  });
});
