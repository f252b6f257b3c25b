import type { ReactNode } from 'react';
import type { Remote } from '../hooks/useRemote';
import { EmptyState } from './EmptyState';

/** The three states of a remote list, drawn the same way on every page. */
export function Loadable<T>({ remote, children }: { remote: Remote<T>; children: (data: T) => ReactNode }) {
  if (remote.error) {
    return (
      <EmptyState
        title="加载失败"
        description={remote.error}
        action={{ text: '重试', onTap: remote.reload, testId: 'reload' }}
        testId="load-error"
      />
    );
  }
  if (remote.data === null) return <EmptyState title="正在加载…" testId="loading" />;
  return <>{children(remote.data)}</>;
}
