import { Button } from '@carpeta/design-system';
import { localize, type ManifestEntry } from '@carpeta/sdk';
import { useEffect, useId, useRef, useSyncExternalStore } from 'react';
import type { ShellContext } from './context.ts';
import type { createPanelHost } from './register.ts';

// Loaded only when the citizen opens Ada (or points at its button): none of this is on the first
// route. The panel mounts the assistant's `./panel` module through the same host as every route
// (federation runtime, time limits, error panel with retry), in a side panel instead of <main>.

const CLOSE: Record<string, string> = {
  es: 'Cerrar',
  ca: 'Tanca',
  va: 'Tanca',
  gl: 'Pechar',
  eu: 'Itxi',
  en: 'Close',
};

export default function AssistantPanel({
  entry,
  context,
  onClose,
  createHost,
}: {
  entry: ManifestEntry;
  context: ShellContext;
  onClose: () => void;
  /** From the shell's main bundle (register.ts), so that this chunk shares no code with it. */
  createHost: typeof createPanelHost;
}) {
  const language = useSyncExternalStore(context.language.subscribe, context.language.get);
  const region = useRef<HTMLElement>(null);
  const outlet = useRef<HTMLDivElement>(null);
  const titleId = useId();

  useEffect(() => {
    const element = outlet.current;
    if (!element) return;
    const host = createHost(entry, './panel', context, element);
    void host.mount();
    // The citizen opened it: the panel takes the focus once, then never again.
    region.current?.focus();
    return () => {
      void host.unmount();
    };
  }, [entry, context, createHost]);

  // Escape closes the panel from anywhere inside it (focus then goes back to the header's button).
  useEffect(() => {
    const element = region.current;
    if (!element) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    element.addEventListener('keydown', onKey);
    return () => element.removeEventListener('keydown', onKey);
  }, [onClose]);

  return (
    <aside
      ref={region}
      className="cp-assistant-panel"
      aria-labelledby={titleId}
      tabIndex={-1}
      data-assistant-panel=""
    >
      <div className="cp-assistant-panel__bar">
        <p id={titleId} className="cp-assistant-panel__title">
          {localize(entry.title, language)}
        </p>
        <Button variant="secondary" onClick={onClose}>
          {CLOSE[language] ?? CLOSE.es}
        </Button>
      </div>
      <div ref={outlet} />
    </aside>
  );
}
