import type { ButtonHTMLAttributes, ReactNode, Ref } from 'react';
import { cx } from '../../utils/cx.ts';
import { withRef } from '../../utils/with-ref.ts';

export type ButtonVariant = 'primary' | 'secondary' | 'warning';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  /** `primary` for the main call to action, `secondary` for others, `warning` for destructive actions. */
  variant?: ButtonVariant;
  /** Full width below 640px (the default for primary actions on mobile in GOV.UK / DSFR). */
  block?: boolean;
  ref?: Ref<HTMLButtonElement>;
}

/** A native `<button>`; defaults to `type="button"` (pass `type="submit"` in forms). */
export const Button = withRef<HTMLButtonElement, ButtonProps>(function Button({
  variant = 'primary',
  block = false,
  className,
  type = 'button',
  ...rest
}: ButtonProps) {
  return (
    <button
      type={type}
      className={cx('cp-button', `cp-button--${variant}`, block && 'cp-button--block', className)}
      {...rest}
    />
  );
});

export interface ButtonGroupProps {
  children: ReactNode;
  className?: string;
}

/** Lays out buttons and links side by side, stacked on narrow screens. */
export function ButtonGroup({ children, className }: ButtonGroupProps) {
  return <div className={cx('cp-button-group', className)}>{children}</div>;
}
