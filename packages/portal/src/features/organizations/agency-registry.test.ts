import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../errors/app-error.ts';
import { openTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { agencyLevel, parseAgencyRegistry } from './agency-registry.ts';
import { importAgencyRegistry } from './agency-registry.import.ts';
import { getOrganization } from './organization.repo.ts';

const registry = readFileSync(
  new URL('../../../demo/real/agency-oid-registry-2016.csv', import.meta.url),
  'utf8',
);
const entries = parseAgencyRegistry(registry);
const byName = (name: string) => {
  const found = entries.find((e) => e.name === name);
  if (!found) throw new Error(`${name} is not in the registry`);
  return found;
};

/** The registry with one line (1-based) replaced. */
function withLine(line: number, replace: (text: string) => string): string {
  const lines = registry.split('\n');
  lines[line - 1] = replace(lines[line - 1] as string);
  return lines.join('\n');
}

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('agency registry file', () => {
  it('reads all 8,237 agencies', () => {
    expect(entries).toHaveLength(8237);
    expect(entries[0]).toMatchObject({
      line: 2,
      name: '國民大會',
      oid: '2.16.886.101.20001',
      dn: 'o=國民大會,c=TW',
    });
  });

  it('finds the parent: the entry whose OID is the longest proper prefix', () => {
    expect(byName('國史館').parentOid).toBe(byName('總統府').oid);
    expect(byName('國史館臺灣文獻館').parentOid).toBe(byName('國史館').oid);
    expect(byName('交通部中央氣象局').parentOid).toBe(byName('交通部').oid);
    expect(byName('臺北市政府警察局').parentOid).toBe(byName('臺北市政府').oid);
    expect(byName('高雄市政府交通局').parentOid).toBe(byName('高雄市政府').oid);
    expect(byName('宜蘭縣政府衛生局').parentOid).toBe(byName('宜蘭縣政府').oid);
    // 2.16.886.101.90003 (臺北市) and 2.16.886.101.20018 (國立中山大學) are not in the registry.
    expect(byName('臺北市政府').parentOid).toBeNull();
    expect(byName('環境保護暨安全衛生中心').parentOid).toBeNull();
  });

  it('tells 中央 from 地方 by the branch arc of the OID tree', () => {
    for (const name of [
      '總統府',
      '行政院',
      '國史館',
      '交通部中央氣象局',
      '經濟部水利署',
      '國軍退除役官兵輔導委員會馬蘭榮譽國民之家',
    ]) {
      expect([name, byName(name).level]).toEqual([name, 'central']);
    }
    for (const name of [
      '臺北市政府',
      '臺北市政府警察局',
      '高雄市政府',
      '高雄市政府交通局',
      '宜蘭縣政府',
      '宜蘭縣政府衛生局',
      '臺東縣政府',
    ]) {
      expect([name, byName(name).level]).toEqual([name, 'local']);
    }
    expect(agencyLevel('1.2.3', 'o=市政府,l=某市,c=TW')).toBe('local');
    expect(agencyLevel('1.2.3', 'o=某院,c=TW')).toBe('central');
  });

  it('puts spilled-over phones, addresses and DNs back together', () => {
    expect(byName('國軍退除役官兵輔導委員會馬蘭榮譽國民之家')).toMatchObject({
      phone: '089-222580,222417',
      address: '台東市更生路1010號',
      dn: 'ou=馬蘭榮譽國民之家,ou=國軍退除役官兵輔導委員會,o=行政院,c=TW',
    });
    expect(byName('倫敦分行')).toMatchObject({
      phone: '73824530',
      address: '5F,CITY TOWER,40BASINGHALL ST.LONDON EC2V',
    });
    expect(byName('衛生福利人員訓練中心')).toMatchObject({ address: '草屯鎮南埔里南坪路', dn: null });
    // A trailing space after the OID is not part of it.
    expect(byName('屏東縣恆春戶政事務所').oid).toBe('2.16.886.101.90019.20002.20093');
  });
});

describe(`agency registry import on ${process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite'}`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase();
  });
  afterAll(async () => {
    await t.destroy();
  });

  const count = async () =>
    Number(
      (
        await t.db
          .selectFrom('organizations')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('creates every agency with its parent and level, and no agency code', async () => {
    expect(await importAgencyRegistry(t, registry)).toEqual({ created: 8237, updated: 0, unchanged: 0 });
    const police = await getOrganization(t.db, byName('臺北市政府警察局').oid);
    const city = await getOrganization(t.db, byName('臺北市政府').oid);
    expect(police).toMatchObject({
      nameZh: '臺北市政府警察局',
      level: 'local',
      parentId: city?.id,
      agencyCode: null,
    });
    expect(city).toMatchObject({
      level: 'local',
      parentId: null,
      dn: 'o=市政府,l=臺北市,c=TW',
      phone: '02-27208889',
    });
    const weather = await getOrganization(t.db, byName('交通部中央氣象局').oid);
    const ministry = await getOrganization(t.db, byName('交通部').oid);
    expect(weather).toMatchObject({ level: 'central', parentId: ministry?.id });
    const withParent = await t.db
      .selectFrom('organizations')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('parentId', 'is not', null)
      .executeTakeFirstOrThrow();
    expect(Number(withParent.n)).toBe(entries.filter((e) => e.parentOid !== null).length);
  });

  it('is idempotent: importing the same file again changes nothing', async () => {
    expect(await importAgencyRegistry(t, registry)).toEqual({ created: 0, updated: 0, unchanged: 8237 });
    expect(await count()).toBe(8237);
  });

  it('updates by OID what changed', async () => {
    const line = byName('國史館').line;
    const changed = withLine(line, (l) => l.replace('02-23161000', '02-23161001'));
    expect(await importAgencyRegistry(t, changed)).toEqual({ created: 0, updated: 1, unchanged: 8236 });
    expect((await getOrganization(t.db, byName('國史館').oid))?.phone).toBe('02-23161001');
    await importAgencyRegistry(t, registry);
  });

  it('rejects a malformed OID with its line and column, and writes nothing', async () => {
    const renamed = withLine(3, (l) => l.replace('總統府', '總統府（改名）'));
    const broken = withLine(4000, (l) => l.replace(/,2\.16\.886\.101\.([\d.]+)/, ',2.16.886.101.$1x'));
    const merged = broken
      .split('\n')
      .map((l, i) => (i === 2 ? renamed.split('\n')[2] : l))
      .join('\n');
    const e = await rejection(importAgencyRegistry(t, merged));
    expect(e.code).toBe('IMPORT_INVALID');
    expect(e.message).toMatch(/line 4000, column 2 \(OID\)/);
    expect(e.details).toEqual({ line: 4000, column: 2 });
    expect((await getOrganization(t.db, byName('總統府').oid))?.nameZh).toBe('總統府');
    expect(await count()).toBe(8237);
  });

  it('rejects a row without a name with its line and column 1', async () => {
    const e = await rejection(
      importAgencyRegistry(
        t,
        withLine(120, (l) => l.replace(/^[^,]*/, '')),
      ),
    );
    expect(e.message).toMatch(/line 120, column 1 \(機關名稱\)/);
    expect(await count()).toBe(8237);
  });

  it('rejects a file that is not the registry', async () => {
    const e = await rejection(importAgencyRegistry(t, 'name,id\n國史館,1\n'));
    expect(e.message).toMatch(/line 1/);
  });
});
