#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { createStaticServer } from './server.ts';

const USAGE =
  'usage: carpeta-static --root <dir> --port <n> [--host 127.0.0.1] [--cors-origin <origin>[,<origin>]] [--spa]';

function fail(message: string): never {
  process.stderr.write(`carpeta-static: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function readArgs() {
  try {
    return parseArgs({
      options: {
        root: { type: 'string' },
        port: { type: 'string', default: '0' },
        host: { type: 'string', default: '127.0.0.1' },
        'cors-origin': { type: 'string', multiple: true, default: [] },
        spa: { type: 'boolean', default: false },
        verbose: { type: 'boolean', default: false },
      },
      strict: true,
    }).values;
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
}

const values = readArgs();
if (!values.root) fail('--root is required');
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`invalid --port "${values.port}"`);
const corsOrigins = values['cors-origin']
  .flatMap((value) => value.split(','))
  .map((origin) => origin.trim())
  .filter((origin) => origin !== '');

const app = createStaticServer({
  root: values.root,
  corsOrigins,
  spaFallback: values.spa,
  logger: values.verbose,
});

try {
  await app.listen({ port, host: values.host });
} catch (error) {
  fail(`cannot listen: ${error instanceof Error ? error.message : String(error)}`);
}
const address = app.server.address();
const actualPort = typeof address === 'object' && address !== null ? address.port : port;
process.stdout.write(`listening on http://${values.host}:${actualPort}\n`);

let closing = false;
function shutdown() {
  if (closing) return;
  closing = true;
  app.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
