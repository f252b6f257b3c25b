import { useEffect, useId, useSyncExternalStore, type ReactNode } from 'react';
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
  /** The dialog's title in normal mode; defaults to the button's text. */
  title?: string;
  onConfirm: () => void;
  variant?: BigButtonProps['variant'];
  disabled?: boolean;
  loading?: boolean;
  testId?: string;
}

/** Which in-page question is open: one decision at a time, so opening one closes any other. */
let openQuestion: string | null = null;
const listeners = new Set<() => void>();
const openQuestions = {
  get: () => openQuestion,
  set(id: string | null) {
    openQuestion = id;
    listeners.forEach((listener) => listener());
  },
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

/**
 * A button for a step to be sure about (cancel, redeem, act for someone). Normal mode asks in a
 * dialog; elder mode asks in the page, in place of the button, never in a pop-up.
 */
export function ConfirmButton({ children, question, yes, no = '不了', title, onConfirm, variant = 'danger', disabled, loading, testId }: ConfirmButtonProps) {
  const { elderMode } = useSession();
  const id = useId();
  const asking = useSyncExternalStore(openQuestions.subscribe, openQuestions.get, openQuestions.get) === id;
  useEffect(() => () => (openQuestions.get() === id ? openQuestions.set(null) : undefined), [id]);
  const ask = async () => {
    if (elderMode) return openQuestions.set(id);
    const heading = title ?? (typeof children === 'string' ? children : question);
    // WeChat (and Taro's h5) refuse button texts over 4 characters: longer ones fall back to 确定 / 取消.
    const { confirm } = await Taro.showModal({ title: heading, content: question, confirmText: fits(yes) ? yes : '确定', cancelText: fits(no) ? no : '取消' });
    if (confirm) onConfirm();
  };
  if (!asking || !elderMode) {
    return (
      <BigButton variant={variant} disabled={disabled} loading={loading} testId={testId} onClick={() => void ask()}>
        {children}
      </BigButton>
    );
  }
  const answer = (confirmed: boolean) => {
    openQuestions.set(null);
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

/** Button texts of a WeChat modal are at most 4 characters. */
const fits = (text: string) => [...text].length <= 4;
