/**
 * Resolves after one turn of the event loop. Long computations await it now and then so that I/O
 * started meanwhile (the next batch's queries, fetched chunk by chunk) keeps going beside them.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
