import { useCarpeta, useFormatters, useTranslation } from '@carpeta/sdk/react';
import { Alert, Button } from '@carpeta/design-system';
import { useRef, useState } from 'react';

type State =
  | { kind: 'idle' }
  | { kind: 'running'; bytes: number }
  | { kind: 'done'; bytes: number }
  | { kind: 'failed' };

/** Announce progress at most every this many bytes (a screen reader is not a byte counter). */
const ANNOUNCE_EVERY = 256 * 1024;

/**
 * The citizen's whole folder as a ZIP. The gateway streams it while it reads every source, so a
 * large folder takes a while: the download is read here, chunk by chunk, with the bytes received so
 * far in a polite live region, then handed to the browser as a file.
 */
export function ExportDownload({ path }: { path: string }) {
  const { api } = useCarpeta();
  const { t } = useTranslation();
  const format = useFormatters();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const running = useRef(false);

  async function start() {
    if (running.current) return;
    running.current = true;
    setState({ kind: 'running', bytes: 0 });
    try {
      const response = await api.download(path);
      if (!response.body) throw new Error('no body');
      const reader = response.body.getReader();
      const chunks: Uint8Array[] = [];
      let bytes = 0;
      let announced = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        bytes += value.byteLength;
        if (bytes - announced >= ANNOUNCE_EVERY) {
          announced = bytes;
          setState({ kind: 'running', bytes });
        }
      }
      const blob = new Blob(chunks as BlobPart[], { type: 'application/zip' });
      const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1];
      if (typeof URL.createObjectURL === 'function') {
        const url = URL.createObjectURL(blob);
        const anchor = document.createElement('a');
        anchor.href = url;
        anchor.download = name ?? 'carpeta.zip';
        document.body.append(anchor);
        anchor.click();
        anchor.remove();
        setTimeout(() => URL.revokeObjectURL(url), 60_000);
      }
      setState({ kind: 'done', bytes });
    } catch {
      setState({ kind: 'failed' });
    } finally {
      running.current = false;
    }
  }

  const kb = (bytes: number) => format.number(Math.max(1, Math.round(bytes / 1024)));
  return (
    <div data-testid="export">
      <Button variant="secondary" onClick={() => void start()} disabled={state.kind === 'running'}>
        {t('export')}
      </Button>
      <p aria-live="polite" data-testid="export-progress">
        {state.kind === 'running' && t('exportRunning', { kb: kb(state.bytes) })}
        {state.kind === 'done' && t('exportDone', { kb: kb(state.bytes) })}
      </p>
      {state.kind === 'failed' && (
        <Alert variant="error" title={t('exportFailedTitle')} headingLevel={2} live>
          <p>{t('exportFailedBody')}</p>
        </Alert>
      )}
    </div>
  );
}
