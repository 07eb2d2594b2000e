import { createTransport } from 'nodemailer';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type MailSink, startMailSink } from './index.ts';

let sink: MailSink;
beforeAll(async () => {
  sink = await startMailSink();
});
afterAll(async () => {
  await sink?.close();
});

it('keeps what arrives over SMTP and shows it as text, through its API and its page', async () => {
  const transport = createTransport({
    host: '127.0.0.1',
    port: sink.smtpPort,
    secure: false,
    ignoreTLS: true,
  });
  await transport.sendMail({
    from: 'Carpeta <avisos@carpeta.test>',
    to: 'Maria@Example.test',
    subject: '<script>alert(1)</script> Aviso',
    text: 'Hay algo esperando.',
    html: '<p>Hay algo <b>esperando</b>.</p>',
    headers: { 'X-Carpeta-Event': 'notification-expiring' },
  });
  const list = (await (await fetch(`${sink.httpUrl}/api/messages?to=maria@example.test`)).json()) as {
    items: Array<{ id: string; subject: string; text: string; carpeta: Record<string, string> }>;
  };
  expect(list.items).toHaveLength(1);
  expect(list.items[0]?.text.trim()).toBe('Hay algo esperando.');
  expect(list.items[0]?.carpeta['x-carpeta-event']).toBe('notification-expiring');
  const none = (await (await fetch(`${sink.httpUrl}/api/messages?to=other@example.test`)).json()) as {
    items: unknown[];
  };
  expect(none.items).toEqual([]);
  const html = await (await fetch(`${sink.httpUrl}/`)).text();
  expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Aviso');
  expect(html).not.toContain('<script>');
  const one = await fetch(`${sink.httpUrl}/messages/${list.items[0]?.id}`);
  expect(one.status).toBe(200);
  expect(await one.text()).toContain('Hay algo esperando.');
  expect((await fetch(`${sink.httpUrl}/messages/00000000-0000-0000-0000-000000000000`)).status).toBe(404);
  expect((await fetch(`${sink.httpUrl}/api/messages`, { method: 'DELETE' })).status).toBe(204);
  expect(sink.messages()).toHaveLength(0);
});
