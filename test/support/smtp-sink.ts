// A real SMTP server on loopback that keeps what it accepts, for tests of outbound mail.
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { readLimited } from '../../src/channels/email/smtp-listener.ts';

export interface Sink {
  port: number;
  received: ParsedMail[];
  /** Called with each message before it is accepted; throw to refuse it (4xx). */
  beforeAccept?: (mail: ParsedMail) => Promise<void> | void;
  close(): Promise<void>;
}

export async function startSink(): Promise<Sink> {
  const sink: Sink = { port: 0, received: [], close: async () => undefined };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      readLimited(stream, 1_000_000)
        .then(async (raw) => {
          const mail = await simpleParser(raw);
          await sink.beforeAccept?.(mail);
          sink.received.push(mail);
          callback();
        })
        .catch((err: Error) => callback(Object.assign(err, { responseCode: 451 })));
    },
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
  const address = server.server.address();
  sink.port = typeof address === 'object' && address ? address.port : 0;
  sink.close = () => new Promise<void>((done) => server.close(() => done()));
  return sink;
}
