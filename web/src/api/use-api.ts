import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from './client.js';

export interface ApiState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

/** Fetches on mount and whenever `deps` change; `load` returning undefined means "nothing to fetch". */
export function useApi<T>(load: () => Promise<T> | undefined, deps: readonly unknown[]): ApiState<T> {
  const [state, setState] = useState<{ data?: T; error?: ApiError; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  const generation = useRef(0);
  useEffect(() => {
    const mine = ++generation.current;
    const promise = load();
    if (!promise) {
      setState({ loading: false });
      return;
    }
    setState((s) => ({ data: s.data, loading: true }));
    promise.then(
      (data) => mine === generation.current && setState({ data, loading: false }),
      (error: unknown) =>
        mine === generation.current &&
        setState({ loading: false, error: error instanceof ApiError ? error : new ApiError(0, 'Error', String(error)) }),
    );
  }, [...deps, tick]); // `load` is recreated on every render; `deps` say when it changes.
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}
