import { copyJson, InFlight } from '../inFlight';

/** A request whose answer the test gives when it wants. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('InFlight', () => {
  it('sends one request for identical calls while it is on its way, and gives each caller its own copy', async () => {
    const inFlight = new InFlight<{ items: number[] }>();
    const answer = deferred<{ items: number[] }>();
    let sent = 0;
    let joins = 0;
    const send = () => (sent++, answer.promise);
    const calls = [inFlight.run('k', send), inFlight.run('k', send, () => joins++), inFlight.run('k', send, () => joins++)];
    expect(inFlight.size).toBe(1);
    answer.resolve({ items: [1, 2] });
    const [a, b, c] = await Promise.all(calls);
    expect([sent, joins]).toEqual([1, 2]);
    expect([a, b, c]).toEqual([{ items: [1, 2] }, { items: [1, 2] }, { items: [1, 2] }]);
    a.items.push(3);
    expect(b.items).toEqual([1, 2]);
    expect(b).not.toBe(c);
    expect(inFlight.size).toBe(0);
  });

  it('sends again once the answer came, and never shares between different keys', async () => {
    const inFlight = new InFlight<number>();
    let sent = 0;
    const send = async () => ++sent;
    expect(await inFlight.run('k', send)).toBe(1);
    expect(await inFlight.run('k', send)).toBe(2);
    expect(await Promise.all([inFlight.run('a', send), inFlight.run('b', send)])).toEqual([3, 4]);
  });

  it('gives a failure to every caller and forgets it', async () => {
    const inFlight = new InFlight<number>();
    const answer = deferred<number>();
    const calls = [inFlight.run('k', () => answer.promise), inFlight.run('k', () => answer.promise)];
    answer.reject(new Error('down'));
    for (const call of calls) await expect(call).rejects.toThrow('down');
    expect(inFlight.size).toBe(0);
    await expect(inFlight.run('k', () => { throw new Error('sync'); })).rejects.toThrow('sync');
    expect(inFlight.size).toBe(0);
    expect(await inFlight.run('k', async () => 7)).toBe(7);
  });

  it('makes copies with the copy given', async () => {
    const copies: string[] = [];
    const inFlight = new InFlight<string>((s) => (copies.push(s), `${s}'`));
    const answer = deferred<string>();
    const calls = [inFlight.run('k', () => answer.promise), inFlight.run('k', () => answer.promise)];
    answer.resolve('x');
    expect(await Promise.all(calls)).toEqual(['x', "x'"]);
    expect(copies).toEqual(['x']);
  });
});

describe('copyJson', () => {
  it('copies a JSON value deeply', () => {
    const value = { a: [1, 'x', null, true, { b: [{ c: 2 }] }], d: { e: null } };
    const copy = copyJson(value);
    expect(copy).toEqual(value);
    expect(copy.a).not.toBe(value.a);
    expect(copy.a[4]).not.toBe(value.a[4]);
    expect(copyJson(3)).toBe(3);
    expect(copyJson(null)).toBeNull();
  });

  it('keeps a "__proto__" key of a hostile answer as an own property, never as a prototype', () => {
    const hostile = JSON.parse('{"data": {"__proto__": {"polluted": true}, "x": 1}}');
    const copy = copyJson(hostile);
    expect(Object.getPrototypeOf(copy.data)).toBe(Object.prototype);
    expect(copy.data.polluted).toBeUndefined();
    expect(Object.keys(copy.data)).toEqual(['__proto__', 'x']);
    expect(JSON.stringify(copy)).toBe(JSON.stringify(hostile));
  });
});
