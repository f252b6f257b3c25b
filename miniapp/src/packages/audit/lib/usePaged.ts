import { useCallback, useRef, useState } from 'react';
import type { AuditPage } from '@honglin/shared';

export interface Paged<T> {
  items: T[];
  done: boolean;
  loading: boolean;
  error: string | null;
  /** The next page (the first one if nothing is loaded yet). */
  more: () => Promise<void>;
  /** Forget what was loaded and load the first page again (a new search). */
  restart: () => Promise<void>;
}

/**
 * Cursor paging for the two audit lists: newest first, "加载更多" at the bottom. A restart (new search
 * conditions) wins over a page still loading for the old ones, whose answer is then dropped.
 */
export function usePaged<T>(load: (cursor: string | null) => Promise<AuditPage<T>>): Paged<T> {
  const [state, setState] = useState<{ items: T[]; cursor: string | null; done: boolean }>({ items: [], cursor: null, done: false });
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const busy = useRef(false);
  const generation = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const fetchFrom = useCallback(async (base: { items: T[]; cursor: string | null }, fresh: boolean) => {
    if (busy.current && !fresh) return;
    const mine = fresh ? ++generation.current : generation.current;
    busy.current = true;
    setLoading(true);
    setError(null);
    if (fresh) setState({ items: [], cursor: null, done: false });
    try {
      const page = await loadRef.current(base.cursor);
      if (mine === generation.current) setState({ items: [...base.items, ...page.items], cursor: page.nextCursor, done: page.nextCursor === null });
    } catch (failure) {
      if (mine === generation.current) setError((failure as Error).message);
    } finally {
      if (mine === generation.current) {
        busy.current = false;
        setLoading(false);
      }
    }
  }, []);

  return {
    items: state.items,
    done: state.done,
    loading,
    error,
    more: () => (state.done ? Promise.resolve() : fetchFrom(state, false)),
    restart: () => fetchFrom({ items: [], cursor: null }, true),
  };
}
