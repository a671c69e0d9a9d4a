// An HTTP proxy on 127.0.0.1 that records every request a browser sends through it. Requests to
// the one allowed origin (the test server) are passed on; anything else is recorded and refused,
// so nothing leaves the machine even if something tried. HTTPS and WebSocket tunnels (CONNECT)
// are recorded by host and refused.
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProxiedRequest {
  method: string;
  /** The absolute URL, or host:port for a CONNECT tunnel. */
  url: string;
  passed: boolean;
}

export interface RecordingProxy {
  port: number;
  /** Every request seen so far, in order. */
  readonly requests: ProxiedRequest[];
  close(): Promise<void>;
}

export async function startRecordingProxy(allowedOrigin: string): Promise<RecordingProxy> {
  const requests: ProxiedRequest[] = [];
  const allowed = new URL(allowedOrigin);
  const server = createServer((req, res) => {
    const url = req.url ?? '';
    let target: URL | null = null;
    try {
      target = new URL(url);
    } catch {
      // not an absolute URL: not a proxy request
    }
    const passed = target !== null && target.origin === allowed.origin;
    requests.push({ method: req.method ?? '?', url, passed });
    if (!passed || !target) {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end('refused by the test proxy');
      return;
    }
    const upstream = httpRequest(
      { host: target.hostname, port: target.port, path: `${target.pathname}${target.search}`, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  server.on('connect', (req, socket) => {
    requests.push({ method: 'CONNECT', url: req.url ?? '', passed: false });
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  server.on('upgrade', (req, socket) => {
    requests.push({ method: `UPGRADE ${req.headers.upgrade ?? ''}`.trim(), url: req.url ?? '', passed: false });
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
