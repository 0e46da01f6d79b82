import fc from 'fast-check';
import { encodeCursor, withCheckDigit } from '@bibia/core';

/*
 * Random argument values for the fuzz: mostly hostile edge cases (empty, NUL and control
 * characters, direction overrides, very long text, huge and negative ints, SIRENs with and without
 * their check digit, cursors that are not cursors) and some ordinary ones, so that documents also
 * reach the resolvers and the databases.
 */

/** One draw of a random value inside a `fc.gen()` generator. */
export type Gen = fc.GeneratorValue;

/** The SIRENs of the members the suite runs against: ids naming them reach real data. */
let knownSirens: readonly string[] = ['200072460', '216200410', '226200012'];
export function setKnownSirens(sirens: readonly string[]): void {
  knownSirens = sirens;
}

const pickArb = <T>(items: readonly T[]) => fc.constantFrom(...items);

/** Characters that have broken servers: NUL, C0/C1 controls (U+009B is the terminal CSI), bidi overrides, BOM, surrogate-range neighbours. */
const NASTY_CHARS = ['\u0000', '\u0001', '\u0007', '\b', '\t', '\n', '\r', '\u001b', '\u007f', '\u0085', '\u009b', '\u200b', '\u200e', '\u202a', '\u202e', '\u2066', '\u2069', '\ufeff', '\ufffd', '\uffff', '\ud83d', '💥', 'é', 'ß', 'İ', "'", '"', '\\', '%', '_', '*', '$', '{', '}', '<', '>', '&', ';', '--', '/*'];

const nastyString = () =>
  fc.array(fc.oneof(pickArb(NASTY_CHARS), fc.string({ maxLength: 4 }), fc.string({ unit: 'grapheme', maxLength: 3 })), { maxLength: 12 }).map((parts) => parts.join(''));

/** Very long text (bounded: the documents stay far under the body limits). */
const longString = () => fc.tuple(pickArb(['a', 'é', '\u0000', '💥', 'courrier ', '\u202e']), fc.integer({ min: 300, max: 6000 })).map(([unit, n]) => unit.repeat(n));

const sirenLike = () =>
  fc.oneof(
    pickArb(knownSirens),
    fc.stringMatching(/^\d{8}$/).map(withCheckDigit),
    fc.stringMatching(/^\d{9}$/),
    pickArb(['000000000', '123456789', '99999999', '2000724600', ' 200072460', '200 072 460', '2000724६0']),
    nastyString(),
  );

const slugLike = () => fc.oneof(pickArb(['tri-courrier-entrant', 'chatbot', 'x']), fc.stringMatching(/^[a-z0-9-]{0,20}$/), nastyString());

/** Ids: `<siren>:<slug>` of members and strangers, ids of products, and garbage. */
const idLike = () =>
  fc.oneof(
    fc.tuple(sirenLike(), slugLike()).map(([siren, slug]) => `${siren}:${slug}`),
    fc.tuple(sirenLike(), slugLike(), slugLike()).map(([siren, a, b]) => `${siren}:${a}:${b}`),
    pickArb(['', ':', '::', 'mistral-le-chat', 'albert', '200072460:', ':tri-courrier-entrant']),
    nastyString(),
  );

/** Cursors: real ones (random keys), base64 of other JSON, and text that is no cursor at all. */
const cursorLike = () =>
  fc.oneof(
    fc.tuple(fc.string({ maxLength: 12 }), idLike()).map(([sort, id]) => encodeCursor([sort, id])),
    fc.tuple(nastyString(), nastyString()).map(([sort, id]) => encodeCursor([sort, id])),
    fc.jsonValue({ maxDepth: 2 }).map((v) => Buffer.from(JSON.stringify(v) ?? 'null', 'utf8').toString('base64url')),
    pickArb(['', 'null', 'W10', 'WyIiLCIiXQ', '!!!', 'WyJhIiwiYiJd====', '%00']),
    nastyString(),
  );

/** Enum-like words in String arguments: real codes of the schema and unknown ones. */
const enumLike = () => pickArb(['NAME', 'RECENT', 'PUBLIC', 'PARTNERS', 'PUBLISHED', 'DRAFT', 'ACTIVE', 'SUSPENDED', 'zz', '62', '2A', '976', '32', '11', 'null', 'undefined', 'true', '0', '-1', 'commune', 'COMMUNE']);

const dateTimeLike = () =>
  fc.oneof(
    fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()),
    pickArb(['2000-01-01T00:00:00Z', '1970-01-01T00:00:00.000Z', '9999-12-31T23:59:59Z', '0001-01-01T00:00:00Z', '+275760-09-13T00:00:00.000Z', '2024-02-30T00:00:00Z', '2024-01-01', 'yesterday', '']),
  );

const dateLike = () => fc.oneof(fc.date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), pickArb(['0000-00-00', '2024-02-30', '9999-12-31', '2024-1-1', '']));

// Factories are module constants: fast-check's `gen` caches arbitraries by factory and arguments,
// and a new arrow function per draw would fill the cache and compare against all of it.
const ordinaryString = () => fc.oneof(fc.string({ maxLength: 20 }), pickArb(['courrier', 'chatbot', 'Arras', 'béthune', 'IA', 'a', '%', '_']), enumLike());
const intLike = () => fc.oneof(pickArb([0, 1, -1, 20, 99, 100, 101, 2_147_483_647, -2_147_483_648]), fc.integer({ min: -5, max: 120 }), fc.integer());
const floatLike = () => fc.oneof(pickArb([0, -0, 1.5, -1e300, 1e300, Number.MAX_SAFE_INTEGER, Number.MIN_VALUE]), fc.double({ noNaN: true, noDefaultInfinity: true }));
const jsonObject = () => fc.dictionary(fc.oneof(pickArb(['__typename', 'id', 'siren']), fc.string({ maxLength: 6 })), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 });
const smallJson = () => fc.jsonValue({ maxDepth: 1 });
/** An int in [min, max], every value as likely (for the shape of documents, not for values). */
export const unbiasedInt = (min: number, max: number) => fc.noBias(fc.integer({ min, max }));

/** A string argument's value, biased by the argument's name. */
export function stringValue(g: Gen, name: string): string {
  const lower = name.toLowerCase();
  const specific =
    lower.includes('siren')
      ? sirenLike
      : lower === 'id' || lower.endsWith('id') || lower.endsWith('ids')
        ? idLike
        : lower === 'after' || lower.includes('cursor')
          ? cursorLike
          : lower.includes('region') || lower.includes('departement') || lower.includes('kind') || lower.includes('status') || lower.includes('visibility')
            ? enumLike
            : null;
  const choice = g(fc.nat, { max: 9 });
  if (specific && choice < 5) return g(specific);
  if (choice < 7) return g(nastyString);
  if (choice < 8) return g(longString);
  return g(ordinaryString);
}

/** An Int: the page sizes that matter, the 32-bit edges, and small random ones. */
export function intValue(g: Gen): number {
  return g(intLike);
}

export function floatValue(g: Gen): number {
  return g(floatLike);
}

/** A custom scalar's value; mostly well-formed so that documents reach the resolvers. */
export function scalarValue(g: Gen, scalar: string, argName: string): unknown {
  switch (scalar) {
    case 'DateTime':
      return g(dateTimeLike);
    case 'Date':
      return g(dateLike);
    case 'JSONObject':
    case '_Any':
      return g(jsonObject);
    default:
      return stringValue(g, argName);
  }
}

/** A `_entities` representation: a real entity type with a random key (or none), sometimes a stranger type. */
export function representationValue(g: Gen, entityTypes: readonly string[]): Record<string, unknown> {
  const typenames = [...entityTypes, 'Query', 'Nope', '', '__Schema'];
  const typename = typenames[g(unbiasedInt, 0, typenames.length - 1)];
  const rep: Record<string, unknown> = { __typename: typename };
  const key = g(fc.nat, { max: 5 });
  if (key <= 2) rep[typename === 'Collectivite' ? 'siren' : 'id'] = typename === 'Collectivite' ? g(sirenLike) : g(idLike);
  else if (key === 3) rep.id = g(smallJson);
  else if (key === 4) rep.siren = g(sirenLike);
  return rep;
}
