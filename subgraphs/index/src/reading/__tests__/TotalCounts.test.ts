import { Prisma } from '../../generated/prisma/client';
import { TotalCounts } from '../TotalCounts';

const { sql } = Prisma;

describe('TotalCounts', () => {
  it('gives a total back for the version it was counted at only', () => {
    const totals = new TotalCounts();
    const key = TotalCounts.keyOf('IndexedTool', sql`TRUE`);
    expect(totals.has(key)).toBe(false);
    totals.set(key, '7', 42);
    expect(totals.has(key)).toBe(true);
    expect(totals.get(key, '7')).toBe(42);
    expect(totals.get(key, '8')).toBeUndefined();
    totals.set(key, '8', 41);
    expect(totals.get(key, '7')).toBeUndefined();
    expect(totals.get(key, '8')).toBe(41);
  });

  it('keys a filter by table, SQL text and values', () => {
    const a = TotalCounts.keyOf('IndexedTool', sql`siren = ANY(${['200072460']}::text[])`);
    expect(TotalCounts.keyOf('IndexedTool', sql`siren = ANY(${['200072460']}::text[])`)).toBe(a);
    expect(TotalCounts.keyOf('IndexedTool', sql`siren = ANY(${['216200410']}::text[])`)).not.toBe(a);
    expect(TotalCounts.keyOf('IndexedReport', sql`siren = ANY(${['200072460']}::text[])`)).not.toBe(a);
    expect(TotalCounts.keyOf('IndexedTool', sql`NOT (siren = ANY(${['200072460']}::text[]))`)).not.toBe(a);
  });

  it('keeps at most `capacity` filters, dropping the least recently used', () => {
    const totals = new TotalCounts(2);
    totals.set('a', '1', 1);
    totals.set('b', '1', 2);
    expect(totals.get('a', '1')).toBe(1);
    totals.set('c', '1', 3);
    expect(totals.size).toBe(2);
    expect(totals.has('b')).toBe(false);
    expect(totals.get('a', '1')).toBe(1);
    expect(totals.get('c', '1')).toBe(3);
  });
});
