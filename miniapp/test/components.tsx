/**
 * Stand-ins for @tarojs/components: the same names rendered as plain DOM elements, dropping the
 * mini-program-only props (openType, hoverClass, …) so React does not warn about them.
 */
import type { ReactNode } from 'react';

interface Common {
  className?: string;
  children?: ReactNode;
  onClick?: (event: unknown) => void;
  'data-testid'?: string;
  [prop: string]: unknown;
}

const passThrough = ({ className, children, onClick, 'data-testid': testId, ...rest }: Common) => ({
  className,
  children,
  onClick,
  'data-testid': testId,
  // ARIA props reach the DOM in h5 too, so tests can find controls by role.
  ...Object.fromEntries(Object.entries(rest).filter(([name]) => name === 'role' || name.startsWith('aria-'))),
});

export const View = (props: Common) => <div {...passThrough(props)} />;
export const Text = (props: Common) => <span {...passThrough(props)} />;

export const Button = (props: Common & { disabled?: boolean; loading?: boolean }) => (
  <button type="button" {...passThrough(props)} disabled={Boolean(props.disabled)} data-loading={props.loading ? 'true' : undefined} />
);

export const Textarea = (props: Common & { value?: string; onInput?: (event: { detail: { value: string } }) => void }) => (
  <textarea
    className={props.className}
    data-testid={props['data-testid']}
    value={props.value}
    onChange={(event) => props.onInput?.({ detail: { value: event.target.value } })}
  />
);
