import { createContext, useContext, useEffect, useRef } from 'react';

/**
 * How many times the page has been shown, counted by PageShell (which is mounted with the page and so
 * sees every show). Outside a PageShell a component counts as on a shown page.
 */
export const PageShowContext = createContext(1);

/**
 * Runs `effect` when the page is shown: the first time for a component that mounts on a page already
 * on screen, then on every later show (coming back to the page).
 *
 * Why not Taro's useDidShow: it only hears shows that happen after the component has mounted. A page's
 * content mounts under PageShell once the session is restored (/api/me answered); on a direct URL or a
 * reload that is usually after the page's one show, so a loader in useDidShow never ran and the page
 * stayed on "正在加载…" for good. This hook cannot miss the first show.
 */
export function usePageShow(effect: () => void): void {
  const shows = useContext(PageShowContext);
  const latest = useRef(effect);
  latest.current = effect;
  useEffect(() => {
    if (shows > 0) latest.current();
  }, [shows]);
}
