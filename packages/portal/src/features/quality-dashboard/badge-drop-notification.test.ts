import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalServer, type LocalServer } from '../../../../quality/src/fetch/local-test-server.ts';
import { testSettings } from '../../http/test-app.ts';
import { datasetInput, organizationRow } from '../../test/factories.ts';
import { openTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { outboxDir } from '../accounts/mailer.ts';
import { createDatasets } from '../datasets/dataset.service.ts';
import { checkResource, createHostLimiter, type QualityDeps } from '../quality/check-resource.service.ts';
import { resourceRowIds } from '../quality/quality.repo.ts';
import { notifyBadgeDrop } from './badge-drop-notification.ts';

/*
 * Badge-drop e-mail through real check runs: a resource that answers, then 404s, then
 * answers again. Only the drop writes a message to the outbox, once a day.
 */

const dialect = process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite';
const OID = '2.16.886.101.20003.20065';
const CSV = 'station,rain\nC0A520,1.5\nC0A530,0.0\n';
const DAY_1 = new Date('2026-03-10T04:00:00.000Z');
const DAY_2 = new Date('2026-03-11T04:00:00.000Z');

let t: TestDatabase;
let files: LocalServer;
let up = true;
let now = DAY_1;
let deps: QualityDeps;
let resourceRowId: number;
let datasetId: number;
const dataDir = mkdtempSync(path.join(tmpdir(), 'odp-badge-drop-'));

function outbox(): string[] {
  try {
    return readdirSync(outboxDir(dataDir)).filter((name) => name.endsWith('.eml'));
  } catch {
    return [];
  }
}

beforeAll(async () => {
  files = await startLocalServer((req, res) => {
    if (up && req.url === '/rain.csv') {
      res.writeHead(200, { 'Content-Type': 'text/csv' });
      return res.end(req.method === 'HEAD' ? undefined : CSV);
    }
    res.writeHead(404);
    res.end();
  });
  t = await openTestDatabase();
  await t.db
    .insertInto('organizations')
    .values(organizationRow({ oid: OID, contactEmail: 'quality@agency.example.gov.tw' }))
    .execute();
  const [record] = await createDatasets(
    t,
    [
      {
        input: datasetInput({
          publisherOID: OID,
          distribution: [
            {
              resourceDescription: '雨量 CSV',
              format: 'CSV',
              characterSetCode: 'UTF-8',
              downloadURL: files.url('/rain.csv'),
            },
          ],
        }),
      },
    ],
    { actor: 'test' },
  );
  datasetId = record!.datasetId;
  resourceRowId = [...(await resourceRowIds(t.db, datasetId)).values()][0]!;
  const settings = testSettings({ dataDir });
  deps = { catalogue: t, settings, limiter: createHostLimiter(settings), now: () => now };
}, 30_000);

afterAll(async () => {
  await files?.close();
  await t?.destroy();
  rmSync(dataDir, { recursive: true, force: true });
});

describe(`badge-drop e-mail on ${dialect}`, () => {
  it('writes exactly one outbox message when a badge drops, none when it rises or stays', async () => {
    const first = await checkResource(deps, resourceRowId, 'manual');
    expect(first.datasetBadge).not.toBe('none');
    expect(outbox()).toEqual([]);
    // Stays the same: no message.
    await checkResource(deps, resourceRowId, 'manual');
    expect(outbox()).toEqual([]);

    up = false;
    expect((await checkResource(deps, resourceRowId, 'manual')).datasetBadge).toBe('none');
    expect(outbox()).toHaveLength(1);
    const mail = readFileSync(path.join(outboxDir(dataDir), outbox()[0]!), 'utf8');
    expect(mail).toMatch(/^To: quality@agency\.example\.gov\.tw\r?$/m);
    const body = mail.replace(/=\r?\n/g, '');
    expect(body).toContain('A41000000G-000001');
    expect(body).toContain('linkable');
    expect(body).toContain(`http://localhost:3000/dataset/${datasetId}#quality`);

    // Still none (no drop), then up (a rise), then down again the same day: no more messages.
    await checkResource(deps, resourceRowId, 'manual');
    up = true;
    await checkResource(deps, resourceRowId, 'manual');
    up = false;
    await checkResource(deps, resourceRowId, 'manual');
    expect(outbox()).toHaveLength(1);

    // The next day, a drop is told again.
    now = DAY_2;
    up = true;
    await checkResource(deps, resourceRowId, 'manual');
    up = false;
    await checkResource(deps, resourceRowId, 'manual');
    expect(outbox()).toHaveLength(2);
  });

  it('falls back on the publisher’s contact and sends nothing without an address', async () => {
    const sent: string[] = [];
    const mailer = { send: async (mail: { to: string }) => void sent.push(mail.to) };
    await t.db.updateTable('organizations').set({ contactEmail: null }).execute();
    const options = { ...deps, mailer, now: () => new Date('2026-03-12T04:00:00.000Z') };
    expect(await notifyBadgeDrop(options, datasetId, 'gold', 'silver')).toBe('sent');
    expect(sent).toEqual(['data@example.gov.tw']);
    expect(await notifyBadgeDrop(options, datasetId, 'silver', 'gold')).toBe('no-drop');
    await t.db.updateTable('datasets').set({ publisherContactEmail: null }).execute();
    const nextDay = { ...options, now: () => new Date('2026-03-13T04:00:00.000Z') };
    expect(await notifyBadgeDrop(nextDay, datasetId, 'gold', 'bronze')).toBe('no-recipient');
  });

  it('releases the day when sending fails, so a later drop can try again', async () => {
    await t.db.updateTable('datasets').set({ publisherContactEmail: 'data@example.gov.tw' }).execute();
    const failing = { ...deps, mailer: { send: async () => Promise.reject(new Error('SMTP down')) } };
    const day = { now: () => new Date('2026-03-14T04:00:00.000Z') };
    const error = console.error;
    console.error = () => {};
    try {
      expect(await notifyBadgeDrop({ ...failing, ...day }, datasetId, 'gold', 'none')).toBe('failed');
    } finally {
      console.error = error;
    }
    const sent: string[] = [];
    const working = { ...deps, ...day, mailer: { send: async (m: { to: string }) => void sent.push(m.to) } };
    expect(await notifyBadgeDrop(working, datasetId, 'gold', 'none')).toBe('sent');
    expect(await notifyBadgeDrop(working, datasetId, 'gold', 'none')).toBe('already-sent');
    expect(sent).toHaveLength(1);
  });
});
