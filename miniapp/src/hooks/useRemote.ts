import { useCallback, useEffect, useRef, useState } from 'react';
import { usePageShow } from './usePageShow';

export interface Remote<T> {
  data: T | null;
  /** The Chinese message of the last failure, shown inline with a retry button. */
  error: string | null;
  loading: boolean;
  reload: () => void;
  setData: (data: T) => void;
}

export interface RemoteOptions {
  /** Load again each time the page comes back on screen (the data changes on other pages). */
  everyShow?: boolean;
}

/** Loads once on mount (or on every page show) and on reload; ignores answers that arrive after the page is gone. */
export function useRemote<T>(load: () => Promise<T>, options: RemoteOptions = {}): Remote<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const loadRef = useRef(load);
  loadRef.current = load;
  const alive = useRef(true);
  const everyShow = options.everyShow === true;

  const reload = useCallback(() => {
    setLoading(true);
    setError(null);
    loadRef.current().then(
      (value) => {
        if (!alive.current) return;
        setData(value);
        setLoading(false);
      },
      (failure: unknown) => {
        if (!alive.current) return;
        setError(failure instanceof Error ? failure.message : String(failure));
        setLoading(false);
      },
    );
  }, []);

  useEffect(() => {
    alive.current = true;
    if (!everyShow) reload();
    return () => {
      alive.current = false;
    };
  }, [reload, everyShow]);
  usePageShow(() => {
    if (everyShow) reload();
  });

  return { data, error, loading, reload, setData };
}
