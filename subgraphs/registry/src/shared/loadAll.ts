import type DataLoader from 'dataloader';

/**
 * The rows of `ids` that exist, in `ids` order. A failed batch (the database did not answer)
 * fails the caller: dropping its errors would show an empty page as if there were no data.
 */
export async function loadAll<K, V>(loader: DataLoader<K, V | null>, ids: readonly K[]): Promise<V[]> {
  const results = await loader.loadMany(ids);
  const failure = results.find((r): r is Error => r instanceof Error);
  if (failure) throw failure;
  return results.filter((r): r is V => r !== null && r !== undefined);
}
