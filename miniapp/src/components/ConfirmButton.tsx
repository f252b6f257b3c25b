import { useState, type ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useSession } from '../stores/session';
import { BigButton, type BigButtonProps } from './BigButton';

export interface ConfirmButtonProps {
  children: ReactNode;
  /** The question, in words that say what will happen. */
  question: string;
  yes: string;
  no?: string;
  onConfirm: () => void;
  variant?: BigButtonProps['variant'];
  testId?: string;
}

/** A button for a step that cannot be undone. Normal mode asks in a dialog; elder mode asks in the page. */
export function ConfirmButton({ children, question, yes, no = '不了', onConfirm, variant = 'danger', testId }: ConfirmButtonProps) {
  const { elderMode } = useSession();
  const [asking, setAsking] = useState(false);
  const ask = async () => {
    if (elderMode) return setAsking(true);
    const { confirm } = await Taro.showModal({ title: String(children), content: question, confirmText: yes, cancelText: no });
    if (confirm) onConfirm();
  };
  if (!asking) {
    return (
      <BigButton variant={variant} testId={testId} onClick={() => void ask()}>
        {children}
      </BigButton>
    );
  }
  const answer = (confirmed: boolean) => {
    setAsking(false);
    if (confirmed) onConfirm();
  };
  return (
    <View className="confirm-inline" data-testid={testId ? `${testId}-question` : undefined}>
      <Text className="confirm-inline__question">{question}</Text>
      <BigButton variant={variant} testId={testId ? `${testId}-yes` : undefined} onClick={() => answer(true)}>
        {yes}
      </BigButton>
      <BigButton variant="secondary" testId={testId ? `${testId}-no` : undefined} onClick={() => answer(false)}>
        {no}
      </BigButton>
    </View>
  );
}
