import { Button, type ButtonProps } from '@tarojs/components';

export interface BigButtonProps extends Omit<ButtonProps, 'type' | 'size' | 'plain'> {
  variant?: 'primary' | 'secondary' | 'danger';
  testId?: string;
}

/** The one button style: full width, at least --tap-min tall, scaled by the theme. */
export function BigButton({ variant = 'primary', testId, className, loading, disabled, children, ...rest }: BigButtonProps) {
  const inactive = Boolean(disabled || loading);
  return (
    <Button
      {...rest}
      className={`big-button big-button--${variant}${inactive ? ' big-button--inactive' : ''}${className ? ` ${className}` : ''}`}
      loading={loading}
      // h5 renders a custom element, where disabled={false} would still set the attribute.
      disabled={inactive || undefined}
      data-testid={testId}
    >
      {children}
    </Button>
  );
}
