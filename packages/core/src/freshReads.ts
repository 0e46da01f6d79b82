/**
 * One read at a time of something remote (a member list...). A read already in flight may have
 * left before what a caller waits for (a member admitted a moment ago): `fresh()` then gives the
 * next read, made after it and shared by everyone who asks meanwhile, so at most two are pending.
 */
export class FreshReads<T> {
  private current: Promise<T> | null = null;
  private next: Promise<T> | null = null;

  constructor(private readonly read: () => Promise<T>) {}

  /** Whether a read is in flight. */
  get busy(): boolean {
    return this.current !== null;
  }

  /** The read in flight, or a new one: for a periodic refresh, which any recent read satisfies. */
  any(): Promise<T> {
    return this.current ?? this.fresh();
  }

  /** A read that starts now or after the one in flight. */
  fresh(): Promise<T> {
    if (!this.current) {
      this.current = this.read().finally(() => {
        this.current = null;
      });
      return this.current;
    }
    this.next ??= this.current.then(() => {
      this.next = null;
      return this.fresh();
    });
    return this.next;
  }
}
