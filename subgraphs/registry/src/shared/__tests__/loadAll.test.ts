import DataLoader from 'dataloader';
import { loadAll } from '../loadAll';

describe('loadAll', () => {
  it('returns the rows that exist, in key order', async () => {
    const loader = new DataLoader<string, string | null>(async (ids) => ids.map((id) => (id === 'b' ? null : id.toUpperCase())));
    await expect(loadAll(loader, ['c', 'b', 'a'])).resolves.toEqual(['C', 'A']);
  });

  it('fails when the batch fails, instead of returning an empty page', async () => {
    const loader = new DataLoader<string, string | null>(async () => {
      throw new Error('Connection terminated unexpectedly');
    });
    await expect(loadAll(loader, ['a', 'b'])).rejects.toThrow('Connection terminated unexpectedly');
  });

  it('fails when one key fails', async () => {
    const loader = new DataLoader<string, string | null>(async (ids) => ids.map((id) => (id === 'b' ? new Error(`cannot read ${id}`) : id)));
    await expect(loadAll(loader, ['a', 'b'])).rejects.toThrow('cannot read b');
  });
});
