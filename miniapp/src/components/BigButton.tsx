import { Button, View, type ButtonProps } from '@tarojs/components';

export interface BigButtonProps extends Omit<ButtonProps, 'type' | 'size' | 'plain'> {
  variant?: 'primary' | 'secondary' | 'danger';
  testId?: string;
}

const isH5 = process.env.TARO_ENV === 'h5';

/**
 * The one button style: full width, at least --tap-min tall, scaled by the theme.
 *
 * On h5 the spinner is ours, not the Button's `loading`: Taro's h5 button is a Stencil element that
 * inserts its own spinner before the light-DOM node it remembered, and React has replaced that node
 * when the label changed ("加载更多" → "正在加载…"), so Stencil threw NotFoundError 'insertBefore'
 * (issue #22 item 11). With `loading` never set there, Stencil's part of the element never changes.
 */
export function BigButton({ variant = 'primary', testId, className, loading, disabled, children, ...rest }: BigButtonProps) {
  const inactive = Boolean(disabled || loading);
  return (
    <Button
      {...rest}
      className={`big-button big-button--${variant}${inactive ? ' big-button--inactive' : ''}${className ? ` ${className}` : ''}`}
      loading={isH5 ? undefined : loading}
      // h5 renders a custom element, where disabled={false} would still set the attribute.
      disabled={inactive || undefined}
      aria-busy={loading || undefined}
      data-testid={testId}
    >
      {isH5 && loading ? <View className="weui-loading big-button__spinner" /> : null}
      {children}
    </Button>
  );
}
