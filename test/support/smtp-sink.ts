// A real SMTP server on loopback that keeps what it accepts, for tests of outbound mail. It can
// be stopped (connections refused) and started again on the same port, and told to refuse at
// MAIL FROM, RCPT TO or DATA with a chosen reply code.
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { readLimited } from '../../src/channels/email/smtp-listener.ts';

export type SmtpCommand = 'MAIL' | 'RCPT' | 'DATA';

export interface Sink {
  port: number;
  received: ParsedMail[];
  /** Called with each message before it is accepted; throw to refuse it (4xx). */
  beforeAccept?: (mail: ParsedMail) => Promise<void> | void;
  /** While set, every message is refused at this command with this reply code. */
  refuse: { command: SmtpCommand; code: number } | null;
  /** Refusals made so far, per command. */
  refusals: Record<SmtpCommand, number>;
  /** Stops listening: connecting is refused until `start`. */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
  close(): Promise<void>;
}

export async function startSink(): Promise<Sink> {
  let server: SMTPServer | null = null;
  const refuseAt = (command: SmtpCommand) => {
    if (sink.refuse?.command !== command) return null;
    sink.refusals[command]++;
    return Object.assign(new Error(`Refused at ${command} for the test`), {
      responseCode: sink.refuse.code,
    });
  };
  const listen = async (port: number) => {
    const next = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      onMailFrom(_address, _session, callback) {
        callback(refuseAt('MAIL'));
      },
      onRcptTo(_address, _session, callback) {
        callback(refuseAt('RCPT'));
      },
      onData(stream, _session, callback) {
        readLimited(stream, 1_000_000)
          .then(async (raw) => {
            const refusal = refuseAt('DATA');
            if (refusal) return callback(refusal);
            const mail = await simpleParser(raw);
            await sink.beforeAccept?.(mail);
            sink.received.push(mail);
            callback();
          })
          .catch((err: Error) => callback(Object.assign(err, { responseCode: 451 })));
      },
    });
    await new Promise<void>((done) => next.listen(port, '127.0.0.1', () => done()));
    server = next;
    const address = next.server.address();
    return typeof address === 'object' && address ? address.port : 0;
  };
  const stop = async () => {
    const current = server;
    server = null;
    if (current) await new Promise<void>((done) => current.close(() => done()));
  };
  const sink: Sink = {
    port: 0,
    received: [],
    refuse: null,
    refusals: { MAIL: 0, RCPT: 0, DATA: 0 },
    stop,
    start: async () => {
      if (!server) await listen(sink.port);
    },
    close: stop,
  };
  sink.port = await listen(0);
  return sink;
}
