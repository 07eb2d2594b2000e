import { useEffect, useId, useRef, useState } from 'react';
import { cx } from '../../utils/cx.ts';
import { Icon } from '../Icon/Icon.tsx';

export interface Language {
  /** The application's code of the language, e.g. "es", "en", "ca", "gl", "eu", "va". */
  code: string;
  /** BCP 47 tag for `lang`/`hreflang` when it is not `code`, e.g. "ca-ES-valencia" for "va". */
  lang?: string;
  /** The language's own name (endonym), e.g. "Español", "English", "Euskara". */
  name: string;
}

export interface LanguageSelectorProps {
  /** Accessible label, in the current language, e.g. "Idioma" / "Language". */
  label: string;
  languages: Language[];
  current: string;
  onChange: (code: string) => void;
  /** When given, options are links (`hreflang`) to the page in each language; plain clicks call onChange. */
  hrefFor?: (code: string) => string;
  className?: string;
}

/**
 * Disclosure button listing the languages, each in its own language (`lang`). The current one has
 * `aria-current="true"`. Escape closes and returns focus; Arrow keys move between options.
 */
export function LanguageSelector({
  label,
  languages,
  current,
  onChange,
  hrefFor,
  className,
}: LanguageSelectorProps) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const currentLang = languages.find((l) => l.code === current) ?? languages[0];

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const handlers = useRef({ onKeyDown: (_: KeyboardEvent) => {}, onFocusOut: (_: FocusEvent) => {} });
  useEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    const keydown = (event: KeyboardEvent) => handlers.current.onKeyDown(event);
    const focusout = (event: FocusEvent) => handlers.current.onFocusOut(event);
    root.addEventListener('keydown', keydown);
    root.addEventListener('focusout', focusout);
    return () => {
      root.removeEventListener('keydown', keydown);
      root.removeEventListener('focusout', focusout);
    };
  }, []);

  const close = (focusToggle: boolean) => {
    setOpen(false);
    if (focusToggle) toggleRef.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (!open) return;
    if (event.key === 'Escape') {
      event.stopPropagation();
      close(true);
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp' && event.key !== 'Home' && event.key !== 'End')
      return;
    const options = Array.from(
      rootRef.current?.querySelectorAll<HTMLElement>('.cp-language-selector__option') ?? [],
    );
    if (options.length === 0) return;
    event.preventDefault();
    const index = options.indexOf(document.activeElement as HTMLElement);
    let next = 0;
    if (event.key === 'End') next = options.length - 1;
    else if (event.key === 'ArrowDown') next = index < 0 ? 0 : (index + 1) % options.length;
    else if (event.key === 'ArrowUp') next = index <= 0 ? options.length - 1 : index - 1;
    options[next]?.focus();
  };

  const onFocusOut = (event: FocusEvent) => {
    const next = event.relatedTarget as Node | null;
    if (open && next && !rootRef.current?.contains(next)) setOpen(false);
  };

  handlers.current = { onKeyDown, onFocusOut };

  const choose = (code: string) => {
    close(true);
    if (code !== current) onChange(code);
  };

  return (
    <div ref={rootRef} className={cx('cp-language-selector', className)}>
      <button
        ref={toggleRef}
        type="button"
        className="cp-language-selector__toggle"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((o) => !o)}
      >
        <Icon name="globe" />
        <span className="cp-visually-hidden">{label}: </span>
        {currentLang && <span lang={currentLang.lang ?? currentLang.code}>{currentLang.name}</span>}
        <Icon name="chevronDown" className="cp-when-collapsed" />
        <Icon name="chevronUp" className="cp-when-expanded" />
      </button>
      <ul className="cp-language-selector__list" id={listId} hidden={!open}>
        {languages.map((language) => {
          const isCurrent = language.code === current;
          const common = {
            className: 'cp-language-selector__option',
            lang: language.lang ?? language.code,
            'aria-current': isCurrent ? ('true' as const) : undefined,
          };
          return (
            <li key={language.code}>
              {hrefFor ? (
                <a
                  {...common}
                  href={hrefFor(language.code)}
                  hrefLang={language.lang ?? language.code}
                  onClick={(event) => {
                    if (
                      event.button !== 0 ||
                      event.metaKey ||
                      event.ctrlKey ||
                      event.shiftKey ||
                      event.altKey
                    )
                      return;
                    event.preventDefault();
                    choose(language.code);
                  }}
                >
                  {isCurrent && <Icon name="check" className="cp-language-selector__check" />}
                  {language.name}
                </a>
              ) : (
                <button {...common} type="button" onClick={() => choose(language.code)}>
                  {isCurrent && <Icon name="check" className="cp-language-selector__check" />}
                  {language.name}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
