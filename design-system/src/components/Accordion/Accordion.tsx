import type { ReactNode } from 'react';
import { useId, useState } from 'react';
import { cx } from '../../utils/cx.ts';
import type { HeadingLevel } from '../../utils/heading.tsx';
import { Heading } from '../../utils/heading.tsx';
import { Icon } from '../Icon/Icon.tsx';

export interface AccordionItem {
  id: string;
  heading: string;
  /** Short summary under the heading, read as part of the button. */
  summary?: string;
  content: ReactNode;
}

export interface AccordionProps {
  items: AccordionItem[];
  headingLevel?: HeadingLevel;
  /** Ids open initially. */
  defaultOpen?: string[];
  /** Labels of the "show all / hide all" button; omit both to hide it. */
  showAllLabel?: string;
  hideAllLabel?: string;
  className?: string;
}

/**
 * WAI-ARIA Accordion: each heading contains a button with `aria-expanded`/`aria-controls`;
 * Enter/Space toggle, Tab moves through the headers. Panels are `hidden="until-found"`, so the
 * browser's find-in-page can reveal them.
 */
export function Accordion({
  items,
  headingLevel = 3,
  defaultOpen = [],
  showAllLabel,
  hideAllLabel,
  className,
}: AccordionProps) {
  const [open, setOpen] = useState<Set<string>>(() => new Set(defaultOpen));
  const base = `cp-acc${useId().replace(/:/g, '')}`;
  const allOpen = items.every((i) => open.has(i.id));
  const toggle = (id: string, force?: boolean) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (force ?? !next.has(id)) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <div className={cx('cp-accordion', className)}>
      {showAllLabel && hideAllLabel && (
        <div className="cp-accordion__controls">
          <button
            type="button"
            className="cp-accordion__toggle-all"
            aria-expanded={allOpen}
            // Both labels, for the framework-free behaviour (it has no props to read them from).
            data-label-collapsed={showAllLabel}
            data-label-expanded={hideAllLabel}
            onClick={() => setOpen(allOpen ? new Set() : new Set(items.map((i) => i.id)))}
          >
            {allOpen ? hideAllLabel : showAllLabel}
          </button>
        </div>
      )}
      {items.map((item) => {
        const isOpen = open.has(item.id);
        const buttonId = `${base}-${item.id}-button`;
        const panelId = `${base}-${item.id}-panel`;
        return (
          <div key={item.id} className={cx('cp-accordion__section', isOpen && 'cp-accordion__section--open')}>
            <Heading level={headingLevel} className="cp-accordion__heading">
              <button
                type="button"
                id={buttonId}
                className="cp-accordion__button"
                aria-expanded={isOpen}
                aria-controls={panelId}
                onClick={() => toggle(item.id)}
              >
                <span className="cp-accordion__heading-text">{item.heading}</span>
                {item.summary && <span className="cp-accordion__summary">{item.summary}</span>}
                <Icon name="plus" className="cp-accordion__icon cp-when-collapsed" />
                <Icon name="minus" className="cp-accordion__icon cp-when-expanded" />
              </button>
            </Heading>
            <section
              id={panelId}
              className="cp-accordion__panel"
              aria-labelledby={buttonId}
              // Static markup (server rendering, the framework-free HTML) needs the attribute too.
              hidden={!isOpen}
              ref={(el) => {
                if (!el) return;
                // React only writes boolean `hidden`; set "until-found" so find-in-page can reveal it.
                if (isOpen) el.removeAttribute('hidden');
                else el.setAttribute('hidden', 'until-found');
                const onMatch = () => toggle(item.id, true);
                el.addEventListener('beforematch', onMatch);
                return () => el.removeEventListener('beforematch', onMatch);
              }}
            >
              {item.content}
            </section>
          </div>
        );
      })}
    </div>
  );
}
