import type { KeyboardEvent, ReactNode } from 'react';
import { useId, useRef, useState } from 'react';
import { cx } from '../../utils/cx.ts';

export interface TabItem {
  id: string;
  label: ReactNode;
  content: ReactNode;
}

export interface TabsProps {
  /** Accessible name of the tablist. */
  label: string;
  tabs: TabItem[];
  selectedId?: string;
  defaultSelectedId?: string;
  onChange?: (id: string) => void;
  /** `automatic`: arrows select; `manual`: arrows move focus, Enter/Space select (heavy panels). */
  activation?: 'automatic' | 'manual';
  className?: string;
}

/**
 * WAI-ARIA Tabs: one tab stop for the tablist (roving tabindex), Left/Right arrows, Home/End;
 * the panel follows in the tab order. Below 640px the tabs wrap instead of overflowing.
 */
export function Tabs({
  label,
  tabs,
  selectedId,
  defaultSelectedId,
  onChange,
  activation = 'automatic',
  className,
}: TabsProps) {
  const [internal, setInternal] = useState(defaultSelectedId ?? tabs[0]?.id);
  const selected = selectedId ?? internal;
  const base = `cp-tabs${useId().replace(/:/g, '')}`;
  const refs = useRef(new Map<string, HTMLButtonElement>());

  const select = (id: string) => {
    if (selectedId === undefined) setInternal(id);
    if (id !== selected) onChange?.(id);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    let next: number | undefined;
    if (event.key === 'ArrowRight') next = (index + 1) % tabs.length;
    else if (event.key === 'ArrowLeft') next = (index - 1 + tabs.length) % tabs.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = tabs.length - 1;
    if (next === undefined) return;
    event.preventDefault();
    const tab = tabs[next];
    if (!tab) return;
    refs.current.get(tab.id)?.focus();
    if (activation === 'automatic') select(tab.id);
  };

  return (
    <div className={cx('cp-tabs', className)}>
      <div
        className="cp-tabs__list"
        role="tablist"
        aria-label={label}
        data-activation={activation === 'manual' ? 'manual' : undefined}
      >
        {tabs.map((tab, index) => {
          const isSelected = tab.id === selected;
          return (
            <button
              key={tab.id}
              ref={(el) => {
                if (el) refs.current.set(tab.id, el);
                else refs.current.delete(tab.id);
              }}
              type="button"
              role="tab"
              id={`${base}-tab-${tab.id}`}
              className="cp-tabs__tab"
              aria-selected={isSelected}
              aria-controls={`${base}-panel-${tab.id}`}
              tabIndex={isSelected ? 0 : -1}
              onClick={() => select(tab.id)}
              onKeyDown={(event) => onKeyDown(event, index)}
            >
              {tab.label}
            </button>
          );
        })}
      </div>
      {tabs.map((tab) => (
        <div
          key={tab.id}
          role="tabpanel"
          id={`${base}-panel-${tab.id}`}
          className="cp-tabs__panel"
          aria-labelledby={`${base}-tab-${tab.id}`}
          hidden={tab.id !== selected}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: APG tabs — the panel is a tab stop when it has no focusable content first
          tabIndex={0}
        >
          {tab.content}
        </div>
      ))}
    </div>
  );
}
