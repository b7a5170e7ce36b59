/**
 * The B7 test servers, in their own process: the files of DIR served on the loopback
 * addresses 127.0.0.2 … 127.0.0.(HOSTS+1), all on one port. `/<anything>/<file>` serves
 * DIR/<file> (so many resource URLs can share one file); a missing file is a 404.
 * HEAD is answered; a Range header is ignored (the whole file, 200). Tells the parent
 * `{ type: 'ready', port }` over IPC and stops on `{ type: 'stop' }`.
 */
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { Socket } from 'node:net';
import path from 'node:path';

const DIR = process.env.DIR ?? '.';
const HOSTS = Number(process.env.HOSTS ?? 20);
const TYPES: Record<string, string> = {
  '.csv': 'text/csv',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.pdf': 'application/pdf',
  '.html': 'text/html; charset=utf-8',
};
const cache = new Map<string, Buffer | null>();
const open = new Set<Socket>();

async function load(name: string): Promise<Buffer | null> {
  if (cache.has(name)) return cache.get(name)!;
  let body: Buffer | null = null;
  if (/^[\w.-]+$/.test(name)) {
    try {
      body = await readFile(path.join(DIR, name));
    } catch {
      body = null;
    }
  }
  cache.set(name, body);
  return body;
}

const handler: http.RequestListener = (req, res) => {
  const name = (req.url ?? '/').split('?')[0]!.split('/').pop() ?? '';
  void load(name).then((body) => {
    if (!body) {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end('<h1>404 找不到網頁</h1>');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[path.extname(name)] ?? 'application/octet-stream',
      'content-length': body.length,
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
};

const servers: http.Server[] = [];
async function listenAll(): Promise<number> {
  let port = 0;
  for (let i = 0; i < HOSTS; i++) {
    const server = http.createServer(handler);
    server.on('connection', (socket) => {
      open.add(socket);
      socket.on('close', () => open.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, `127.0.0.${i + 2}`, () => {
        server.off('error', reject);
        resolve();
      });
    });
    servers.push(server);
    if (port === 0) {
      const address = server.address();
      if (typeof address === 'object' && address) port = address.port;
    }
  }
  return port;
}

async function listenWithRetries(): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await listenAll();
    } catch (error) {
      for (const s of servers.splice(0)) s.close();
      if (attempt >= 20) throw error;
    }
  }
}

const port = await listenWithRetries();
process.on('message', (message: { type: string }) => {
  if (message.type !== 'stop') return;
  for (const socket of open) socket.destroy();
  for (const server of servers) server.close();
  process.exit(0);
});
process.send?.({ type: 'ready', port });
