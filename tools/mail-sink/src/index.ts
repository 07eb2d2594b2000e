import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type AddressObject, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * A local mail sink: an SMTP server (smtp-server) that accepts every message for any address and
 * keeps the latest ones in memory, parsed (mailparser), with an HTTP side to read them:
 *
 *   GET    /                       an accessible page listing the messages (newest first)
 *   GET    /messages/:id           one message's page (its text; the HTML part is not rendered)
 *   GET    /api/messages[?to=]     JSON list, newest first (optionally only those sent to an address)
 *   GET    /api/messages/:id       JSON of one message: headers, text, html
 *   DELETE /api/messages           forgets everything (tests)
 *
 * It listens on 127.0.0.1 only and never relays anything anywhere.
 */
export interface SinkMessage {
  id: string;
  receivedAt: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string | null;
  /** Headers whose name starts with x-carpeta- (lower-cased names). */
  carpeta: Record<string, string>;
}

export interface MailSinkOptions {
  host?: string;
  /** 0 picks a free port. */
  smtpPort?: number;
  httpPort?: number;
  /** Most messages kept (oldest go first). */
  maxMessages?: number;
}

export interface MailSink {
  smtpPort: number;
  httpUrl: string;
  messages(): readonly SinkMessage[];
  close(): Promise<void>;
}

const MAX_MESSAGE_BYTES = 1024 * 1024;

function addresses(value: AddressObject | AddressObject[] | undefined): string[] {
  const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return list.flatMap((entry) => entry.value.map((address) => (address.address ?? '').toLowerCase()));
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
/** Text as HTML text: every message is shown as text, never as markup. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem;color:#1b1b1b;background:#fff}
a{color:#0b4f9c}a:focus-visible{outline:3px solid #1b1b1b;outline-offset:2px}table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid #6b6b6b;padding:.5rem;text-align:left;vertical-align:top}pre{white-space:pre-wrap;background:#f3f3f3;padding:1rem}</style>
</head><body><main>${body}</main></body></html>`;
}

function listPage(messages: readonly SinkMessage[]): string {
  const rows = messages
    .map(
      (message) =>
        `<tr><td>${escapeHtml(new Date(message.receivedAt).toISOString())}</td><td>${escapeHtml(message.to.join(', '))}</td><td><a href="/messages/${message.id}">${escapeHtml(message.subject || '(no subject)')}</a></td></tr>`,
    )
    .join('');
  const table =
    messages.length === 0
      ? '<p>No messages yet.</p>'
      : `<table><caption>Messages received, newest first</caption><thead><tr><th scope="col">Received</th><th scope="col">To</th><th scope="col">Subject</th></tr></thead><tbody>${rows}</tbody></table>`;
  return page(
    'Mail sink',
    `<h1>Mail sink</h1><p>Every e-mail the portal sends in development lands here; nothing leaves this machine. JSON: <a href="/api/messages">/api/messages</a>.</p>${table}`,
  );
}

function messagePage(message: SinkMessage): string {
  return page(
    message.subject || 'Message',
    `<p><a href="/">All messages</a></p><h1>${escapeHtml(message.subject || '(no subject)')}</h1>
<dl><dt>From</dt><dd>${escapeHtml(message.from)}</dd><dt>To</dt><dd>${escapeHtml(message.to.join(', '))}</dd><dt>Received</dt><dd>${escapeHtml(message.receivedAt)}</dd></dl>
<h2>Text</h2><pre>${escapeHtml(message.text)}</pre>`,
  );
}

function send(res: ServerResponse, status: number, type: string, body: string) {
  res.writeHead(status, {
    'content-type': `${type}; charset=utf-8`,
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
  });
  res.end(body);
}

export async function startMailSink(options: MailSinkOptions = {}): Promise<MailSink> {
  const host = options.host ?? '127.0.0.1';
  const max = options.maxMessages ?? 500;
  let messages: SinkMessage[] = [];

  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: MAX_MESSAGE_BYTES,
    logger: false,
    banner: 'Carpeta mail sink',
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (parsed) => {
          const carpeta: Record<string, string> = {};
          for (const [name, value] of parsed.headers) {
            if (name.startsWith('x-carpeta-') && typeof value === 'string') carpeta[name] = value;
          }
          messages.unshift({
            id: randomUUID(),
            receivedAt: new Date().toISOString(),
            from: parsed.from?.text ?? '',
            to: addresses(parsed.to),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : null,
            carpeta,
          });
          if (messages.length > max) messages = messages.slice(0, max);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve, reject) => {
    smtp.once('error', reject);
    smtp.listen(options.smtpPort ?? 0, host, () => resolve());
  });
  const smtpPort = (smtp.server.address() as AddressInfo).port;

  const http: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://sink');
    const method = req.method ?? 'GET';
    if (method === 'DELETE' && url.pathname === '/api/messages') {
      messages = [];
      res.writeHead(204).end();
      return;
    }
    if (method !== 'GET' && method !== 'HEAD') return send(res, 405, 'text/plain', 'Method not allowed');
    if (url.pathname === '/') return send(res, 200, 'text/html', listPage(messages));
    if (url.pathname === '/api/messages') {
      const to = url.searchParams.get('to')?.toLowerCase();
      const items = to ? messages.filter((message) => message.to.includes(to)) : messages;
      return send(res, 200, 'application/json', JSON.stringify({ items }));
    }
    const api = /^\/api\/messages\/([0-9a-f-]{36})$/.exec(url.pathname);
    const html = /^\/messages\/([0-9a-f-]{36})$/.exec(url.pathname);
    const id = api?.[1] ?? html?.[1];
    const message = id ? messages.find((candidate) => candidate.id === id) : undefined;
    if (!message) return send(res, 404, 'text/plain', 'Not found');
    return api
      ? send(res, 200, 'application/json', JSON.stringify(message))
      : send(res, 200, 'text/html', messagePage(message));
  });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.httpPort ?? 0, host, () => resolve());
  });
  const httpPort = (http.address() as AddressInfo).port;

  return {
    smtpPort,
    httpUrl: `http://${host}:${httpPort}`,
    messages: () => messages,
    async close() {
      await Promise.all([
        new Promise<void>((resolve) => smtp.close(() => resolve())),
        new Promise<void>((resolve) => http.close(() => resolve())),
      ]);
    },
  };
}
