/**
 * A small HTTP load generator for the benches: keep-alive connections through node:http (no extra
 * dependency), one request at a time per client, latencies in milliseconds.
 */
import { Agent, request } from 'node:http';

export interface Reply {
  status: number;
  body: string;
}

/** One keep-alive GET (or other method) with a bearer token; resolves with status and body text. */
export function send(
  agent: Agent,
  base: URL,
  method: string,
  path: string,
  token: string,
  body?: unknown,
): Promise<Reply> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        method,
        path,
        headers: {
          authorization: `Bearer ${token}`,
          ...(payload === undefined
            ? {}
            : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(payload);
  });
}

export interface LoadResult {
  latencies: number[];
  requests: number;
  failures: number;
  seconds: number;
}

/**
 * `clients` loops, each sending its next request as soon as the previous answered, for `seconds`.
 * Every answer must be 200 (others are counted as failures and reported).
 */
export async function closedLoop(
  base: URL,
  clients: Array<{ token: string; path: string }>,
  seconds: number,
): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: clients.length });
  const latencies: number[] = [];
  let failures = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    clients.map(async ({ token, path }) => {
      while (performance.now() < until) {
        const at = performance.now();
        const reply = await send(agent, base, 'GET', path, token);
        if (reply.status !== 200) failures++;
        else latencies.push(performance.now() - at);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  return { latencies, requests: latencies.length + failures, failures, seconds: elapsed };
}
