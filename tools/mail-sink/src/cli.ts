#!/usr/bin/env node
import { startMailSink } from './index.ts';

// The mail sink of a running portal: SMTP on PORT_MAIL_SMTP, its page and API on PORT_MAIL_HTTP,
// both on 127.0.0.1 only.
function port(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    process.stderr.write(`${name} must be a port number, got "${raw}"\n`);
    process.exit(2);
  }
  return value;
}

const sink = await startMailSink({
  smtpPort: port('PORT_MAIL_SMTP', 4125),
  httpPort: port('PORT_MAIL_HTTP', 4120),
});
process.stdout.write(`mail sink: SMTP on 127.0.0.1:${sink.smtpPort}, messages at ${sink.httpUrl}\n`);
const stop = () => {
  sink.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
