// A local HTTP server that stands in for the SMS provider's REST API, which cannot be reached
// from the test machine. It speaks the provider's documented shape: a form-encoded POST to
// /2010-04-01/Accounts/<account>/Messages.json with Basic auth, answered 201 with JSON `sid`,
// or an error status with JSON `code` and `message`. Tests queue failures with `failNext`.
import { createServer, type Server } from 'node:http';

export interface ProviderRequest {
  path: string;
  authorization: string | undefined;
  contentType: string | undefined;
  fields: Record<string, string>;
}

export interface FakeSmsProvider {
  url: string;
  /** Requests the provider accepted (answered 201). */
  accepted: ProviderRequest[];
  /** Every request, accepted or not. */
  requests: ProviderRequest[];
  failNext(status: number, times?: number): void;
  close(): Promise<void>;
}

export async function startFakeSmsProvider(): Promise<FakeSmsProvider> {
  const accepted: ProviderRequest[] = [];
  const requests: ProviderRequest[] = [];
  const failures: number[] = [];
  let counter = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const entry: ProviderRequest = {
        path: req.url ?? '',
        authorization: req.headers.authorization,
        contentType: req.headers['content-type'],
        fields: Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8'))),
      };
      requests.push(entry);
      res.setHeader('content-type', 'application/json');
      const status = failures.shift();
      if (status !== undefined) {
        res.statusCode = status;
        const code = status === 400 ? 21211 : 20500;
        const message =
          status === 400 ? "The 'To' number is not a valid phone number." : 'Internal Server Error';
        return res.end(JSON.stringify({ code, message, status }));
      }
      accepted.push(entry);
      res.statusCode = 201;
      counter += 1;
      res.end(JSON.stringify({ sid: `SM${String(counter).padStart(32, '0')}`, status: 'queued' }));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    accepted,
    requests,
    failNext: (status, times = 1) => {
      for (let i = 0; i < times; i++) failures.push(status);
    },
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
