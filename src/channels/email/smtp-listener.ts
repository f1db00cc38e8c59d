// A built-in SMTP listener for email intake (off unless REDRESS_SMTP_PORT is set). Mail over the
// size limit is refused during DATA with 552, before anything is stored; a database failure
// answers 451 so the sending server retries later instead of dropping the mail.
import { SMTPServer } from 'smtp-server';
import type { Readable } from 'node:stream';

export interface SmtpListener {
  port: number;
  close(): Promise<void>;
}

export class TooLargeError extends Error {}

/** Reads a stream into memory, refusing it as soon as it passes `maxBytes`. */
export async function readLimited(stream: Readable, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      stream.resume(); // drain the rest so the SMTP session can answer
      throw new TooLargeError(`Message exceeds ${maxBytes} bytes.`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export async function startSmtpListener(opts: {
  port: number;
  host: string;
  maxBytes: number;
  handle: (raw: Buffer) => Promise<unknown>;
  onError?: (err: unknown) => void;
}): Promise<SmtpListener> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: opts.maxBytes,
    banner: 'Redress intake',
    logger: false,
    onData(stream, _session, callback) {
      readLimited(stream, opts.maxBytes)
        .then((raw) => opts.handle(raw))
        .then(
          () => callback(),
          (err: unknown) => {
            if (err instanceof TooLargeError)
              return callback(Object.assign(new Error(err.message), { responseCode: 552 }));
            opts.onError?.(err);
            const isBadMail = err instanceof Error && err.name === 'DomainError';
            const message = isBadMail
              ? `Not accepted: ${err.message}`
              : 'Temporary failure; try again later.';
            callback(Object.assign(new Error(message), { responseCode: isBadMail ? 550 : 451 }));
          },
        );
    },
  });
  server.on('error', (err) => opts.onError?.(err));
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(opts.port, opts.host, () => done());
  });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  return { port, close: () => new Promise<void>((done) => server.close(() => done())) };
}
