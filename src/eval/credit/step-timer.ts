/** Wall-clock milliseconds per named step of an eval, rounded to 0.1 ms. */
export class StepTimer {
  readonly timings: Record<string, number> = {};

  run<T>(step: string, work: () => T): T {
    const start = performance.now();
    const out = work();
    this.record(step, start);
    return out;
  }

  async runAsync<T>(step: string, work: () => Promise<T>): Promise<T> {
    const start = performance.now();
    const out = await work();
    this.record(step, start);
    return out;
  }

  private record(step: string, start: number): void {
    this.timings[step] = Math.round((performance.now() - start) * 10) / 10;
  }
}
