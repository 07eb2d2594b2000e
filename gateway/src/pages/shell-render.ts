import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { ShellRenderer } from '@carpeta/sdk';
import type { FastifyBaseLogger } from 'fastify';

/**
 * The shell's server render, imported once when the gateway starts (it is built with the shell).
 * Missing or broken, pages are served without it: the shell then renders its layout in the browser.
 */
export async function loadShellRender(
  file: string | undefined,
  logger: FastifyBaseLogger,
): Promise<ShellRenderer | undefined> {
  if (!file || !existsSync(file)) {
    if (file) logger.warn({ file }, 'the shell has no server render: pages are rendered in the browser');
    return undefined;
  }
  try {
    const module = (await import(pathToFileURL(file).href)) as { renderShell?: unknown };
    if (typeof module.renderShell === 'function') return module.renderShell as ShellRenderer;
    logger.error({ file }, 'the shell’s server render exports no renderShell');
  } catch (error) {
    logger.error({ err: error, file }, 'the shell’s server render could not be loaded');
  }
  return undefined;
}
