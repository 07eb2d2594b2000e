import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getResponse, type RequestHandler } from 'msw';

export interface AgencyServerOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  handlers: RequestHandler[];
  /** Largest request body read (default 1 MB); a larger one gets 413. */
  maxBodyBytes?: number;
}

export interface AgencyServer {
  /** e.g. "http://127.0.0.1:4101" */
  url: string;
  port: number;
  close(): Promise<void>;
}

const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

class BodyTooLargeError extends Error {}

async function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > max) throw new BodyTooLargeError();
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

async function toFetchRequest(
  req: IncomingMessage,
  base: string,
  signal: AbortSignal,
  maxBodyBytes: number,
): Promise<Request> {
  const headers = new Headers();
  for (let index = 0; index + 1 < req.rawHeaders.length; index += 2) {
    headers.append(req.rawHeaders[index] as string, req.rawHeaders[index + 1] as string);
  }
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  const body = hasBody ? await readBody(req, maxBodyBytes) : undefined;
  return new Request(new URL(req.url ?? '/', base), {
    method,
    headers,
    body: body && body.length > 0 ? new Uint8Array(body) : null,
    signal,
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(payload),
  });
  res.end(payload);
}

async function writeResponse(res: ServerResponse, response: Response) {
  const body = Buffer.from(await response.arrayBuffer());
  if (res.destroyed) return;
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, key) => {
    if (key !== 'set-cookie' && key !== 'content-length' && key !== 'transfer-encoding') headers[key] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  headers['content-length'] = String(body.length);
  res.writeHead(response.status, response.statusText || undefined, headers);
  res.end(body);
}

/**
 * Serves MSW handlers over real HTTP: each Node request becomes a Fetch `Request`, msw's
 * `getResponse` finds the answer, and the answer is written back. A network-error response
 * (`HttpResponse.error()`) destroys the socket without answering; no matching handler → 404 JSON.
 */
export async function startAgencyServer(options: AgencyServerOptions): Promise<AgencyServer> {
  const host = options.host ?? '127.0.0.1';
  const inflight = new Set<AbortController>();
  let base = `http://${host}`;

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const controller = new AbortController();
    inflight.add(controller);
    res.on('close', () => {
      inflight.delete(controller);
      if (!res.writableFinished) controller.abort(new Error('The client closed the connection.'));
    });
    try {
      const request = await toFetchRequest(
        req,
        base,
        controller.signal,
        options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
      );
      const response = await getResponse(options.handlers, request);
      if (res.destroyed) return;
      if (!response) {
        sendJson(res, 404, {
          error: 'not-found',
          message: `No simulated endpoint answers ${request.method} ${new URL(request.url).pathname}.`,
        });
        return;
      }
      if (response.type === 'error') {
        // The simulated system is "down": drop the connection without a word.
        req.socket.destroy();
        return;
      }
      await writeResponse(res, response);
    } catch (error) {
      if (res.destroyed || controller.signal.aborted) return;
      if (error instanceof BodyTooLargeError) {
        sendJson(res, 413, { error: 'too-large', message: 'The request body is too large.' });
        return;
      }
      process.stderr.write(`mock handler failed for ${req.method} ${req.url}: ${String(error)}\n`);
      sendJson(res, 500, { error: 'mock-failure', message: 'The simulated system failed to answer.' });
    }
  }

  const server = createServer((req, res) => {
    void handle(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  base = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  return {
    url: base,
    port,
    close() {
      return new Promise<void>((resolve, reject) => {
        for (const controller of inflight) controller.abort(new Error('The server is closing.'));
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}
