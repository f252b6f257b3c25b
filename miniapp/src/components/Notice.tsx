import { useState, type ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { Text } from '@tarojs/components';
import { useSession } from '../stores/session';

/**
 * Says a short result ("已取消"). Normal mode: a toast. Elder mode: a line in the page that stays,
 * because a toast is a pop-up that vanishes on a timer before an older reader has finished it.
 */
export function useNotice(): [ReactNode, (message: string) => void] {
  const { elderMode } = useSession();
  const [message, setMessage] = useState<string | null>(null);
  const say = (text: string) => {
    if (elderMode) setMessage(text);
    else void Taro.showToast({ title: text, icon: 'none' });
  };
  const shown = message ? (
    <Text className="notice" data-testid="notice">
      {message}
    </Text>
  ) : null;
  return [shown, say];
}
