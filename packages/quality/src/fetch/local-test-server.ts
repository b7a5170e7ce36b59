import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** What a test server saw: every connection and request, with arrival times. */
export interface LocalServer {
  /** `http://127.0.0.1:<port><path>` */
  url(path?: string): string;
  readonly port: number;
  readonly server: Server;
  connections: number;
  requests: Array<{ method: string; url: string; headers: IncomingMessage['headers']; at: number }>;
  close(): Promise<void>;
}

export type TestHandler = (req: IncomingMessage, res: ServerResponse, index: number) => void;

/** Starts an HTTP server on 127.0.0.1 (a free port) for tests; only loopback is ever used. */
export async function startLocalServer(handler: TestHandler): Promise<LocalServer> {
  const sockets = new Set<Socket>();
  const server = createServer();
  const state = {
    connections: 0,
    requests: [] as LocalServer['requests'],
  };
  server.on('connection', (socket: Socket) => {
    state.connections += 1;
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const index = state.requests.length;
    state.requests.push({
      method: req.method ?? '',
      url: req.url ?? '',
      headers: req.headers,
      at: performance.now(),
    });
    res.on('error', () => undefined);
    handler(req, res, index);
  });
  server.on('clientError', (_error, socket: Socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: (path = '/') => `http://127.0.0.1:${port}${path}`,
    port,
    server,
    get connections() {
      return state.connections;
    },
    get requests() {
      return state.requests;
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  } as LocalServer;
}

/** A resolver for tests: only the names given, never real DNS. */
export function stubResolver(table: Record<string, string[]>) {
  return async (hostname: string) => {
    const addresses = table[hostname.toLowerCase()];
    if (!addresses) throw Object.assign(new Error(`stub: no such host ${hostname}`), { code: 'ENOTFOUND' });
    return addresses.map((address) => ({ address, family: (address.includes(':') ? 6 : 4) as 4 | 6 }));
  };
}

/** For a test file: `serve(handler)` starts a local server; all are closed after each test. */
export function localServers(
  afterEach: (fn: () => Promise<void>) => void,
): (handler: TestHandler) => Promise<LocalServer> {
  const servers: LocalServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });
  return async (handler) => {
    const server = await startLocalServer(handler);
    servers.push(server);
    return server;
  };
}
