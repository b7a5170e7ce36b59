import type { FastifyInstance, InjectOptions } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { createSession, SESSION_COOKIE } from '../accounts/session.repo.ts';

/** For the back office's tests: a signed-in person's cookie and CSRF token, and form posts. */

export interface TestSession {
  cookie: string;
  csrfToken: string;
}

export async function signIn(db: Kysely<Database>, userId: number): Promise<TestSession> {
  const { cookieValue, session } = await createSession(db, userId, '127.0.0.1');
  return { cookie: `${SESSION_COOKIE}=${cookieValue}`, csrfToken: session.csrfToken };
}

/** The form as a browser sends it: urlencoded, repeated names for lists. */
export function urlencoded(form: Record<string, string | string[]>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(form))
    for (const v of Array.isArray(value) ? value : [value]) params.append(key, v);
  return params.toString();
}

export function getAs(app: FastifyInstance, url: string, session?: TestSession) {
  return app.inject({ method: 'GET', url, headers: session ? { cookie: session.cookie } : {} });
}

/** POSTs a form with the session's CSRF token (unless `csrf: false`). */
export function postForm(
  app: FastifyInstance,
  url: string,
  session: TestSession | undefined,
  form: Record<string, string | string[]>,
  options: { csrf?: boolean } = {},
) {
  const body = { ...form, ...(session && options.csrf !== false ? { _csrf: session.csrfToken } : {}) };
  const request: InjectOptions = {
    method: 'POST',
    url,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(session ? { cookie: session.cookie } : {}),
    },
    payload: urlencoded(body),
  };
  return app.inject(request);
}

/** A complete dataset form (the fields the form shows), for `organization`'s agency code. */
export function completeForm(
  overrides: Record<string, string | string[]> = {},
): Record<string, string | string[]> {
  return {
    categoryCode: 'E00',
    identifier: 'A41000000G-000901',
    title: '雨量站觀測資料',
    description: '全國雨量站每小時觀測資料',
    fieldDescription: 'station(測站代碼)、rain(時雨量，毫米)',
    type: 'rawData',
    language: 'zh',
    keyword: '雨量, 氣象',
    numberOfData: '',
    accessLevel: 'open',
    themes: ['climate'],
    organization: '交通部',
    organizationContactName: '王小姐',
    organizationContactPhone: '02-23456789',
    organizationContactEmail: 'contact@example.gov.tw',
    publisher: '交通部中央氣象署',
    publisherOID: '',
    publisherContactName: '陳先生',
    publisherContactPhone: '02-23491234',
    publisherContactEmail: 'data@example.gov.tw',
    license: '1',
    licenseURL: 'https://data.gov.tw/license',
    cost: '免費',
    costURL: '',
    costLaw: '',
    accrualPeriodicity: '每1小時',
    temporalCoverageFrom: '2020-01-01',
    'distribution[0].resourceID': '',
    'distribution[0].resourceDescription': '雨量站觀測資料 CSV',
    'distribution[0].format': 'CSV',
    'distribution[0].characterSetCode': 'UTF-8',
    'distribution[0].resourceModified': '',
    'distribution[0].accessURL': '',
    'distribution[0].downloadURL': 'https://example.gov.tw/rain.csv',
    'distribution[0].metadataSourceOfData': '',
    action: 'save',
    ...overrides,
  };
}
