/**
 * HTTP requests to a loopback server from a chosen source address. All of 127.0.0.0/8
 * is loopback on Linux, so a bench can be several clients the server tells apart by
 * address (its per-address limits): bench:abuse's attacker is 127.0.0.2, its players
 * 127.0.0.1. A request that gets no answer resolves with status 0 and the error.
 */
import http from 'node:http';

export interface Answer {
  /** The HTTP status, or 0 when no answer came (connection refused or reset, timeout). */
  status: number;
  text: string;
}

const TIMEOUT_MS = 15_000;

export function httpFrom(base: string, localAddress: string, maxSockets: number) {
  const agent = new http.Agent({ keepAlive: true, localAddress, maxSockets });
  const request = (method: string, path: string, body?: unknown): Promise<Answer> =>
    new Promise((resolve) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const req = http.request(`${base}${path}`, { method, agent, timeout: TIMEOUT_MS, headers: payload === undefined ? {} : { 'content-type': 'application/json' } }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        res.on('error', (error) => resolve({ status: 0, text: error.message }));
      });
      req.on('timeout', () => req.destroy(new Error(`no answer in ${TIMEOUT_MS / 1000} s`)));
      req.on('error', (error) => resolve({ status: 0, text: error.message }));
      req.end(payload);
    });
  /** A request that must succeed (the bench's own set-up): its JSON answer, or an error naming the route and what came back. */
  const json = async (method: string, path: string, body?: unknown): Promise<any> => {
    const answer = await request(method, path, body);
    if (answer.status < 200 || answer.status >= 300) throw new Error(`${method} ${path}: ${answer.status} ${answer.text.slice(0, 200)}`);
    return JSON.parse(answer.text);
  };
  return { request, json, close: () => agent.destroy() };
}
