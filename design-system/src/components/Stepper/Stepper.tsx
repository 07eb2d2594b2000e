import { cx } from '../../utils/cx.ts';
import type { NavigateHandler } from '../../utils/navigation.ts';
import { handleNavigate } from '../../utils/navigation.ts';
import { Icon } from '../Icon/Icon.tsx';

export interface StepperStep {
  label: string;
  /** Completed steps may link back to be reviewed. */
  href?: string;
}

export interface StepperProps {
  /** Accessible name of the list, e.g. "Pasos de la solicitud". */
  label: string;
  steps: StepperStep[];
  /** 0-based index of the current step. */
  current: number;
  /** Visible progress text, e.g. (n, total) => `Paso ${n} de ${total}`. */
  progressLabel: (step: number, total: number) => string;
  /** Visually hidden status suffixes, e.g. { done: 'completado', current: 'paso actual', upcoming: 'pendiente' }. */
  statusLabels: { done: string; current: string; upcoming: string };
  onNavigate?: NavigateHandler;
  className?: string;
}

/** Progress through a multi-page form (e.g. a registry submission): "Step 2 of 4" + the list of steps. */
export function Stepper({
  label,
  steps,
  current,
  progressLabel,
  statusLabels,
  onNavigate,
  className,
}: StepperProps) {
  return (
    <div className={cx('cp-stepper', className)}>
      <p className="cp-stepper__progress">{progressLabel(current + 1, steps.length)}</p>
      <ol className="cp-stepper__list" aria-label={label}>
        {steps.map((step, index) => {
          const status = index < current ? 'done' : index === current ? 'current' : 'upcoming';
          return (
            <li
              key={step.label}
              className={cx('cp-stepper__step', `cp-stepper__step--${status}`)}
              aria-current={status === 'current' ? 'step' : undefined}
            >
              <span className="cp-stepper__marker" aria-hidden="true">
                {status === 'done' ? <Icon name="check" /> : index + 1}
              </span>
              {status === 'done' && step.href ? (
                <a
                  className="cp-stepper__link"
                  href={step.href}
                  onClick={(event) => step.href && handleNavigate(event, step.href, onNavigate)}
                >
                  {step.label}
                  <span className="cp-visually-hidden"> ({statusLabels[status]})</span>
                </a>
              ) : (
                <span className="cp-stepper__label">
                  {step.label}
                  <span className="cp-visually-hidden"> ({statusLabels[status]})</span>
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
