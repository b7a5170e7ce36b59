import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/database.ts';
import { buildTestApp } from '../../http/test-app.ts';
import { openTestDatabase, type TestDatabase } from '../../test/test-database.ts';

let t: TestDatabase;

beforeAll(async () => {
  t = await openTestDatabase();
});

afterAll(async () => {
  await t.destroy();
});

describe(`health on ${process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite'}`, () => {
  it('answers /healthz and /readyz, never cached', async () => {
    const app = await buildTestApp(t);
    const live = await app.inject('/healthz');
    expect(live.statusCode).toBe(200);
    expect(live.json()).toEqual({ status: 'ok' });
    expect(live.headers['cache-control']).toBe('no-store');
    const ready = await app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', database: t.dialect });
    expect(ready.headers['cache-control']).toBe('no-store');
    await app.close();
  });

  it('answers 503 NOT_READY when the database is gone, while /healthz still answers', async () => {
    const broken = openDatabase({ databaseUrl: process.env.DATABASE_URL, sqlitePath: ':memory:' });
    const app = await buildTestApp(broken);
    expect((await app.inject('/readyz')).statusCode).toBe(200);
    await broken.close();
    const ready = await app.inject('/readyz');
    expect(ready.statusCode).toBe(503);
    expect(ready.json().error.code).toBe('NOT_READY');
    expect((await app.inject('/healthz')).statusCode).toBe(200);
    await app.close();
  });
});
