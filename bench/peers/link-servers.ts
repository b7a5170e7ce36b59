/**
 * The B5 test servers, in their own process: one HTTP server per host on the loopback
 * addresses 127.0.0.2 … 127.0.0.(HOSTS+1), all on the same port (a host is its name for
 * the per-host limiters), plus an index server on 127.0.0.1 serving the page of links the
 * peer crawls. Each URL says what it does and how long it waits before answering:
 *
 *   /ok/<ms>/<id>                      200, a small CSV
 *   /404|410|500/<ms>/<id>             that status
 *   /redir/<ms>/<hops>/<final>/<id>    302 to the next host, <hops> times, then /<final>/<ms>/<id>
 *   /loop/<ms>/<id>                    302 → /loop2/… → 302 back (a loop)
 *   /hang/<ms>/<id>                    never answers (a timeout for the client)
 *   /reset/<ms>/<id>                   the connection is destroyed
 *
 * Hosts listed in NO_HEAD answer 405 to HEAD. Every server counts the requests it has in
 * flight (the most at once is the per-host limit a client really kept) and the least time
 * between two request starts. Talks to the parent over IPC:
 *   parent → { type: 'page', urls } | { type: 'reset' } | { type: 'stats' } | { type: 'stop' }
 *   child  → { type: 'ready', port } | { type: 'stats', hosts: HostStats[] } | { type: 'ok' }
 */
import http from 'node:http';
import type { Socket } from 'node:net';

export interface HostStats {
  host: string;
  requests: number;
  maxInFlight: number;
  maxSockets: number;
  /** Least time between two request starts, ms (Infinity as null when fewer than two). */
  minGapMs: number | null;
  /** Request starts less than GAP_LIMIT_MS after the previous one at the same host. */
  earlyStarts: number;
}

interface HostState extends HostStats {
  inFlight: number;
  sockets: number;
  lastStart: number;
}

const HOSTS = Number(process.env.HOSTS ?? 30);
const NO_HEAD = new Set((process.env.NO_HEAD ?? '').split(',').filter(Boolean).map(Number));
const GAP_LIMIT_MS = Number(process.env.GAP_LIMIT_MS ?? 0);
const hostName = (i: number) => `127.0.0.${i + 2}`;

let page = '<!doctype html><title>links</title>';
const states: HostState[] = [];
const open = new Set<Socket>();
let port = 0;

function fresh(host: string): HostState {
  return {
    host,
    requests: 0,
    maxInFlight: 0,
    maxSockets: 0,
    minGapMs: null,
    earlyStarts: 0,
    inFlight: 0,
    sockets: 0,
    lastStart: -Infinity,
  };
}

function handler(index: number): http.RequestListener {
  return (req, res) => {
    const state = states[index]!;
    const now = performance.now();
    state.requests += 1;
    const gap = now - state.lastStart;
    if (Number.isFinite(gap)) {
      state.minGapMs = state.minGapMs === null ? gap : Math.min(state.minGapMs, gap);
      if (gap < GAP_LIMIT_MS) state.earlyStarts += 1;
    }
    state.lastStart = now;
    state.inFlight += 1;
    state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
    let counted = true;
    const done = () => {
      if (!counted) return;
      counted = false;
      state.inFlight -= 1;
    };
    res.on('close', done);

    const parts = (req.url ?? '/').split('?')[0]!.split('/').slice(1);
    const [kind = '', msText = '0'] = parts;
    const ms = Number(msText) || 0;
    const answer = () => {
      if (res.destroyed) return;
      res.setHeader('LinkChecker', 'allow');
      if (req.method === 'HEAD' && NO_HEAD.has(index) && kind !== 'hang' && kind !== 'reset') {
        res.writeHead(405, { allow: 'GET' }).end();
        return;
      }
      switch (kind) {
        case 'ok': {
          const body = `id,name,value\n${parts.at(-1)},row,${ms}\n`;
          res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8', 'content-length': body.length });
          res.end(req.method === 'HEAD' ? undefined : body);
          return;
        }
        case '404':
        case '410':
        case '500':
          res.writeHead(Number(kind), { 'content-type': 'text/plain' }).end(kind);
          return;
        case 'redir': {
          const [, , hopsText = '0', final = 'ok', id = '0'] = parts;
          const hops = Number(hopsText);
          const next = hostName((index + 1) % HOSTS);
          const target =
            hops > 1
              ? `http://${next}:${port}/redir/${ms}/${hops - 1}/${final}/${id}`
              : `http://${next}:${port}/${final}/${ms}/${id}`;
          res.writeHead(hops % 2 ? 302 : 301, { location: target }).end();
          return;
        }
        case 'loop':
        case 'loop2': {
          const other = kind === 'loop' ? 'loop2' : 'loop';
          res.writeHead(302, { location: `/${other}/${ms}/${parts.at(-1)}` }).end();
          return;
        }
        case 'hang':
          return; // never answers; the client gives up
        case 'reset':
          req.socket.destroy();
          return;
        default:
          res.writeHead(404).end();
      }
    };
    if (ms > 0) setTimeout(answer, ms);
    else answer();
  };
}

function track(server: http.Server, index: number | undefined): void {
  server.on('connection', (socket) => {
    open.add(socket);
    if (index !== undefined) {
      const state = states[index]!;
      state.sockets += 1;
      state.maxSockets = Math.max(state.maxSockets, state.sockets);
      socket.on('close', () => (state.sockets -= 1));
    }
    socket.on('close', () => open.delete(socket));
  });
}

async function listenAll(candidate: number): Promise<http.Server[]> {
  const servers: http.Server[] = [];
  const listen = (server: http.Server, host: string) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(candidate, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  try {
    const index = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    });
    track(index, undefined);
    await listen(index, '127.0.0.1');
    servers.push(index);
    if (candidate === 0) {
      const address = index.address();
      if (typeof address === 'object' && address) candidate = address.port;
    }
    for (let i = 0; i < HOSTS; i++) {
      const server = http.createServer(handler(i));
      server.keepAliveTimeout = 5_000;
      track(server, i);
      await listen(server, hostName(i));
      servers.push(server);
    }
    port = candidate;
    return servers;
  } catch (error) {
    for (const s of servers) s.close();
    throw error;
  }
}

for (let i = 0; i < HOSTS; i++) states.push(fresh(hostName(i)));
let servers: http.Server[] = [];
for (let attempt = 0; ; attempt++) {
  try {
    servers = await listenAll(0);
    break;
  } catch (error) {
    if (attempt >= 20) throw error;
  }
}

const send = (message: unknown) => process.send?.(message);
process.on('message', (message: { type: string; urls?: string[] }) => {
  switch (message.type) {
    case 'page':
      page =
        '<!doctype html><meta charset="utf-8"><title>links</title><ul>\n' +
        (message.urls ?? []).map((u) => `<li><a href="${u}">${u}</a></li>`).join('\n') +
        '\n</ul>';
      send({ type: 'ok' });
      return;
    case 'reset':
      for (let i = 0; i < HOSTS; i++) states[i] = fresh(hostName(i));
      for (const socket of open) socket.destroy();
      send({ type: 'ok' });
      return;
    case 'stats':
      send({
        type: 'stats',
        hosts: states.map(({ host, requests, maxInFlight, maxSockets, minGapMs, earlyStarts }) => ({
          host,
          requests,
          maxInFlight,
          maxSockets,
          minGapMs,
          earlyStarts,
        })),
      });
      return;
    case 'stop':
      for (const socket of open) socket.destroy();
      for (const server of servers) server.close();
      process.exit(0);
  }
});
send({ type: 'ready', port });
