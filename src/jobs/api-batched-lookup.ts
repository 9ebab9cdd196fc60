/**
 * Point lookups of concurrent requests, read together: a lookup that arrives while another is
 * running waits for it and then goes out with every other waiting key in one query (`WHERE key IN
 * (...)`). Alone, a lookup runs at once; under load the fixed cost of a statement (parse, plan,
 * round trips) is shared by up to `maxKeys` requests. The read-side twin of the audit log's group
 * commit.
 */
export class BatchedLookup<V> {
  private waiting = new Map<string, { resolve: (v: V | null) => void; reject: (e: unknown) => void }[]>();
  private running = false;

  constructor(private readonly load: (keys: readonly string[]) => Promise<ReadonlyMap<string, V>>, private readonly maxKeys = 64) {}

  get(key: string): Promise<V | null> {
    return new Promise((resolve, reject) => {
      const callers = this.waiting.get(key);
      if (callers) callers.push({ resolve, reject });
      else this.waiting.set(key, [{ resolve, reject }]);
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    while (this.waiting.size > 0) {
      const keys = [...this.waiting.keys()].slice(0, this.maxKeys);
      const callers = keys.map((k) => this.waiting.get(k)!);
      for (const k of keys) this.waiting.delete(k);
      try {
        const found = await this.load(keys);
        keys.forEach((k, i) => callers[i].forEach((c) => c.resolve(found.get(k) ?? null)));
      } catch (error) {
        for (const c of callers.flat()) c.reject(error);
      }
    }
    this.running = false;
  }
}
