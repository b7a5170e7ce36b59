import type { FastifyInstance } from 'fastify';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startLocalServer, type LocalServer } from '../../../../quality/src/fetch/local-test-server.ts';
import { buildTestApp, testSettings } from '../../http/test-app.ts';
import { datasetInput } from '../../test/factories.ts';
import { openTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { createDatasets } from '../datasets/dataset.service.ts';
import { DEMO_REAL_DIR } from '../demo/demo-real-files.ts';
import { checkResource, createHostLimiter, type QualityDeps } from '../quality/check-resource.service.ts';
import { resourceRowIds } from '../quality/quality.repo.ts';

/**
 * The preview and chart tests' catalogue: two datasets whose resources are the demo's
 * real files (the Taipei real-estate transactions, the 2024 office calendar as CSV and
 * JSON), served on 127.0.0.1 and fetched by the quality checker as in production, so
 * the tables service builds their tables from those bodies.
 */

export const ESTATE_IDENTIFIER = 'A41000000G-000201';
export const CALENDAR_IDENTIFIER = 'A41000000G-000202';
export const ESTATE = `${ESTATE_IDENTIFIER}-001`;
export const CALENDAR_CSV = `${CALENDAR_IDENTIFIER}-001`;
export const CALENDAR_JSON = `${CALENDAR_IDENTIFIER}-002`;
/** Listed but never fetched: it has no table. */
export const UNFETCHED = `${CALENDAR_IDENTIFIER}-003`;

const FILES: Record<string, [string, string]> = {
  '/estate.csv': ['text/csv; charset=utf-8', 'real-estate-taipei-a-roc-dates.csv'],
  '/calendar.csv': ['text/csv; charset=utf-8', 'dgpa-calendar-113-utf8bom.csv'],
  '/calendar.json': ['application/json', 'dgpa-calendar-2024.json'],
};

export interface PreviewFixture {
  t: TestDatabase;
  app: FastifyInstance;
  estateId: number;
  calendarId: number;
}

export function usePreviewFixture(): () => PreviewFixture {
  let fixture: PreviewFixture | undefined;
  let files: LocalServer | undefined;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'odp-preview-'));
  beforeAll(async () => {
    files = await startLocalServer((req, res) => {
      const found = FILES[req.url ?? ''];
      if (!found) {
        res.writeHead(404);
        res.end();
        return;
      }
      res.writeHead(200, { 'Content-Type': found[0] });
      res.end(req.method === 'HEAD' ? undefined : readFileSync(path.join(DEMO_REAL_DIR, found[1])));
    });
    const server = files;
    const t = await openTestDatabase();
    const resource = (description: string, format: string, file: string) => ({
      resourceDescription: description,
      format,
      characterSetCode: 'UTF-8',
      downloadURL: server.url(file),
    });
    const [estate, calendar] = await createDatasets(
      t,
      [
        {
          input: datasetInput({
            identifier: ESTATE_IDENTIFIER,
            title: '不動產實價登錄資訊－臺北市買賣案件',
            distribution: [resource('臺北市不動產買賣實價登錄', 'CSV', '/estate.csv')],
          }),
        },
        {
          input: datasetInput({
            identifier: CALENDAR_IDENTIFIER,
            title: '中華民國政府行政機關辦公日曆表',
            distribution: [
              resource('113年辦公日曆表', 'CSV', '/calendar.csv'),
              resource('2024年辦公日曆表（JSON）', 'JSON', '/calendar.json'),
              resource('尚未檢測', 'CSV', '/calendar.csv'),
            ],
          }),
        },
      ],
      { actor: 'test' },
    );
    const settings = testSettings({ dataDir });
    const deps: QualityDeps = { catalogue: t, settings, limiter: createHostLimiter(settings) };
    for (const [datasetId, resources] of [
      [estate!.datasetId, [ESTATE]],
      [calendar!.datasetId, [CALENDAR_CSV, CALENDAR_JSON]],
    ] as const) {
      const rowIds = await resourceRowIds(t.db, datasetId);
      for (const id of resources) await checkResource(deps, rowIds.get(id)!, 'manual');
    }
    const app = await buildTestApp(t, { dataDir });
    fixture = { t, app, estateId: estate!.datasetId, calendarId: calendar!.datasetId };
  }, 60_000);
  afterAll(async () => {
    await Promise.all([fixture?.app.close(), files?.close()]);
    await fixture?.t.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return () => {
    if (!fixture) throw new Error('The preview fixture did not start (see the beforeAll error)');
    return fixture;
  };
}
