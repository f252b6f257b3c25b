import { useSyncExternalStore } from 'react';
import { Text, View } from '@tarojs/components';
import { presentErrorsWith } from '../services/request';
import { session } from '../stores/session';
import { BigButton } from './BigButton';

/**
 * The page's error line. In elder mode the request wrapper writes failures here instead of a toast,
 * which vanishes on a timer before an older reader has finished it; PageShell shows the line at the
 * top of the page until it is tapped away. Normal mode keeps the toast.
 */
let message: string | null = null;
const listeners = new Set<() => void>();

function set(next: string | null): void {
  if (next === message) return;
  message = next;
  listeners.forEach((listener) => listener());
}

export const pageError = {
  get: (): string | null => message,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  show: (text: string): void => set(text),
  dismiss: (): void => set(null),
};

// Registered once, when the first page loads PageShell; request.ts never imports the session.
presentErrorsWith((text) => {
  if (!session.get().elderMode) return false;
  pageError.show(text);
  return true;
});

export function usePageError(): string | null {
  return useSyncExternalStore(pageError.subscribe, pageError.get, pageError.get);
}

/** The error line itself: stays until 知道了 is tapped, and screen readers announce it when it appears. */
export function PageError() {
  const text = usePageError();
  if (!text) return null;
  const alert = process.env.TARO_ENV === 'weapp' ? { 'aria-role': 'alert' } : { role: 'alert' };
  return (
    <View className="page-error" data-testid="page-error" {...alert}>
      <Text className="page-error__text" data-testid="page-error-text">{text}</Text>
      <BigButton variant="secondary" onClick={pageError.dismiss} testId="page-error-close">
        知道了
      </BigButton>
    </View>
  );
}
