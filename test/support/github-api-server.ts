/** A stand-in for the GitHub REST API on 127.0.0.1: records every request and answers like the Checks API. */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  authorization?: string;
  body: unknown;
}

export interface FakeResponse {
  status: number;
  body: unknown;
}

/** Decides the answer to one request; the default plays a token that may write checks. `undefined`: never answer. */
export type Responder = (request: RecordedRequest) => FakeResponse | undefined;

export const CHECK_RUN_ID = 4242;

export const acceptChecks: Responder = (request) => {
  if (request.method === 'POST' && /^\/repos\/[^/]+\/[^/]+\/check-runs$/.test(request.path)) {
    return {
      status: 201,
      body: { id: CHECK_RUN_ID, html_url: `https://github.example/owner/repo/runs/${CHECK_RUN_ID}` },
    };
  }
  if (request.method === 'PATCH' && request.path.endsWith(`/check-runs/${CHECK_RUN_ID}`)) {
    return { status: 200, body: { id: CHECK_RUN_ID } };
  }
  return { status: 404, body: { message: 'Not Found' } };
};

/** What GitHub answers on a pull request from a fork: the token is read-only. */
export const forbidChecks: Responder = () => ({
  status: 403,
  body: {
    message: 'Resource not accessible by integration',
    documentation_url: 'https://docs.github.com/rest/checks/runs#create-a-check-run',
    status: '403',
  },
});

export interface FakeGitHubApi {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export async function startFakeGitHubApi(respond: Responder = acceptChecks): Promise<FakeGitHubApi> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    void handle(req, res);
  });
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    // Recorded on arrival, so a request whose client gives up while sending still counts.
    const request: RecordedRequest = {
      method: req.method ?? '',
      path: new URL(req.url ?? '/', 'http://127.0.0.1').pathname,
      authorization: req.headers.authorization,
      body: undefined,
    };
    requests.push(request);
    try {
      for await (const chunk of req) chunks.push(chunk as Buffer);
    } catch {
      return; // the client went away (a timeout of the code under test)
    }
    const text = Buffer.concat(chunks).toString('utf8');
    if (text) request.body = JSON.parse(text) as unknown;
    const answer = respond(request);
    if (!answer) return;
    res.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(answer.body));
  }
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((done, fail) => {
        server.closeAllConnections();
        server.close((error) => (error ? fail(error) : done()));
      }),
  };
}
