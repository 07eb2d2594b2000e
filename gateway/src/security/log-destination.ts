import pino from 'pino';

/** Log lines held while the output is slow; past this they are dropped and counted. */
export const LOG_BUFFER_BYTES = 4 * 1024 * 1024;

export interface LogDestination {
  stream: ReturnType<typeof pino.destination>;
  /** Lines dropped since the last call. */
  takeDropped(): number;
}

/**
 * Where the gateway's log goes: asynchronous writes to a file descriptor (stdout by default) with
 * a bounded buffer. pino's default destination buffers without limit, so a slow reader of the
 * gateway's output (a pipe, a terminal, a log shipper) made a flood of requests pile up in the
 * gateway's memory; here, past `maxBufferBytes`, lines are dropped and counted instead.
 */
export function createLogDestination(options: { fd?: number; maxBufferBytes?: number } = {}): LogDestination {
  const stream = pino.destination({
    dest: options.fd ?? 1,
    sync: false,
    minLength: 0,
    maxLength: options.maxBufferBytes ?? LOG_BUFFER_BYTES,
  });
  let dropped = 0;
  stream.on('drop', () => {
    dropped += 1;
  });
  return {
    stream,
    takeDropped() {
      const count = dropped;
      dropped = 0;
      return count;
    },
  };
}
