import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datasetInput, organizationRow } from '../../test/factories.ts';
import { openTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { createDatasets } from '../datasets/dataset.service.ts';
import { DEMO_ACCOUNTS, seedDemoAccounts } from '../demo/demo-accounts.ts';
import { listAudit } from './audit.repo.ts';
import { verifyPassword } from './password.ts';
import { signInWithPassword } from './sign-in.service.ts';
import { addAccount, setAccountRole } from './user-admin.service.ts';
import { findUser, rolesOf } from './user.repo.ts';

/* Accounts made by the operator (`odp user add`, `odp user role`) and by the demo seed. */

let db: TestDatabase;
let weather: number;

beforeAll(async () => {
  db = await openTestDatabase();
  const row = await db.db
    .insertInto('organizations')
    .values(
      organizationRow({
        agencyCode: 'A41000000G',
        oid: '2.16.886.101.20003.20065',
        nameZh: '交通部中央氣象署',
      }),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  weather = Number(row.id);
});

afterAll(async () => {
  await db.destroy();
});

describe('addAccount', () => {
  it('creates a verified platform administrator with a generated password, once', async () => {
    const made = await addAccount(
      db.db,
      { email: 'Root@Example.gov.tw', displayName: '管理者', platformAdmin: true },
      'cli:test',
    );
    expect(made.generated).toBe(true);
    expect(made.password).toMatch(/^[A-Za-z0-9_-]{20}$/);
    const user = await findUser(db.db, { email: 'root@example.gov.tw' });
    expect(user).toMatchObject({ platformAdmin: true, displayName: '管理者' });
    expect(user?.emailVerifiedAt).not.toBeNull();
    expect(await verifyPassword(user?.passwordHash ?? null, made.password)).toBe(true);
    expect((await signInWithPassword(db.db, 'root@example.gov.tw', made.password)).outcome).toBe('signed-in');
    await expect(
      addAccount(db.db, { email: 'root@example.gov.tw', displayName: 'x' }, 'cli:test'),
    ).rejects.toThrow(/already has an account/);
    const audit = await listAudit(db.db, { limit: 10 });
    expect(audit[0]).toMatchObject({
      action: 'account.created',
      actorKind: 'operator',
      actorLabel: 'cli:test',
    });
  });

  it('takes a given password and an organisation role by agency code or OID', async () => {
    const made = await addAccount(
      db.db,
      {
        email: 'editor@example.gov.tw',
        displayName: '編輯',
        password: 'a password from stdin',
        organization: { key: 'A41000000G', role: 'editor' },
      },
      'cli:test',
    );
    expect(made.generated).toBe(false);
    expect(await rolesOf(db.db, made.userId)).toEqual(new Map([[weather, 'editor']]));
    await setAccountRole(
      db.db,
      { email: 'editor@example.gov.tw', organization: '2.16.886.101.20003.20065', role: 'admin' },
      'cli:test',
    );
    expect(await rolesOf(db.db, made.userId)).toEqual(new Map([[weather, 'admin']]));
    await setAccountRole(
      db.db,
      { email: 'editor@example.gov.tw', organization: 'A41000000G', role: 'none' },
      'cli:test',
    );
    expect((await rolesOf(db.db, made.userId)).size).toBe(0);
  });

  it.each([
    [{ email: 'not-an-address', displayName: 'x' }, /not an e-mail address/],
    [{ email: 'short@example.gov.tw', displayName: 'x', password: 'short' }, /at least 12/],
    [
      { email: 'role@example.gov.tw', displayName: 'x', organization: { key: 'A41000000G', role: 'owner' } },
      /--role/,
    ],
    [
      { email: 'org@example.gov.tw', displayName: 'x', organization: { key: 'Z99999999Z', role: 'member' } },
      /No organisation/,
    ],
  ])('refuses %o', async (account, message) => {
    await expect(addAccount(db.db, account, 'cli:test')).rejects.toThrow(message);
    expect(await findUser(db.db, { email: account.email })).toBeUndefined();
  });
});

describe('seedDemoAccounts', () => {
  it('makes the demo administrator and an editor of the agency with the most datasets', async () => {
    await createDatasets(
      { db: db.db, dialect: db.dialect },
      [{ input: datasetInput({ identifier: 'A41000000G-000001' }) }],
      {
        actor: 'demo',
        action: 'import',
      },
    );
    const { editorOrganizationId } = await seedDemoAccounts(db.db);
    expect(editorOrganizationId).toBe(weather);
    const admin = await signInWithPassword(db.db, DEMO_ACCOUNTS.admin.email, DEMO_ACCOUNTS.admin.password);
    expect(admin.outcome).toBe('signed-in');
    expect(admin.user?.platformAdmin).toBe(true);
    const editor = await signInWithPassword(db.db, DEMO_ACCOUNTS.editor.email, DEMO_ACCOUNTS.editor.password);
    expect(editor.outcome).toBe('signed-in');
    expect(await rolesOf(db.db, editor.user!.id)).toEqual(new Map([[weather, 'editor']]));
  });
});
