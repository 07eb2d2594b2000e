import type { ReactNode } from 'react';
import { cx } from '../../utils/cx.ts';
import type { HeadingLevel } from '../../utils/heading.tsx';
import { Heading } from '../../utils/heading.tsx';
import { Icon } from '../Icon/Icon.tsx';

export type TimelineStatus = 'done' | 'current' | 'upcoming' | 'error';

export interface TimelineEvent {
  id: string;
  title: string;
  /** Formatted date shown to the user (format it in the page language). */
  date?: string;
  /** Machine-readable date (ISO 8601) for `<time datetime>`. */
  dateTime?: string;
  status: TimelineStatus;
  /** Text of the status, read by screen readers and shown as a tag, e.g. "Completado". */
  statusLabel: string;
  description?: ReactNode;
  /** Issuing body, documents, links… */
  meta?: ReactNode;
}

export interface TimelineProps {
  /** Accessible name of the list, e.g. "Historial del expediente". */
  label: string;
  events: TimelineEvent[];
  headingLevel?: HeadingLevel;
  className?: string;
}

const markerIcon = { done: 'check', current: 'clock', upcoming: null, error: 'close' } as const;

/**
 * The life of an administrative file (expediente): an ordered list of events from the oldest;
 * the current step has `aria-current="step"`. Status is conveyed by text, not only the marker.
 */
export function Timeline({ label, events, headingLevel = 3, className }: TimelineProps) {
  return (
    <ol className={cx('cp-timeline', className)} aria-label={label}>
      {events.map((event) => {
        const icon = markerIcon[event.status];
        return (
          <li
            key={event.id}
            className={cx('cp-timeline__event', `cp-timeline__event--${event.status}`)}
            aria-current={event.status === 'current' ? 'step' : undefined}
          >
            <span className="cp-timeline__marker" aria-hidden="true">
              {icon && <Icon name={icon} />}
            </span>
            <div className="cp-timeline__content">
              <Heading level={headingLevel} className="cp-timeline__title">
                {event.title}
              </Heading>
              <p className="cp-timeline__meta-line">
                {event.date && (
                  <time className="cp-timeline__date" dateTime={event.dateTime}>
                    {event.date}
                  </time>
                )}
                <span className="cp-timeline__status">{event.statusLabel}</span>
              </p>
              {event.description && <div className="cp-timeline__description">{event.description}</div>}
              {event.meta && <div className="cp-timeline__meta">{event.meta}</div>}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
