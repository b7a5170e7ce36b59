// The B3 peer: a bare Fastify route returning a constant, on the same machine.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
const body = { success: true, constant: 'odp bare route' };
app.get('/bare', async () => body);
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => void app.close().then(() => process.exit(0)));
