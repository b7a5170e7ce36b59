import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { addAccount } from '../accounts/user-admin.service.ts';

/**
 * The demo's two accounts, made only with the demo catalogue (README's quick start
 * lists them): a platform administrator, and an editor of the agency with the most
 * demo datasets. Their passwords are public: a demo portal only, never production.
 */
export const DEMO_ACCOUNTS = {
  admin: { email: 'admin@demo.odp.example', password: 'demo-admin-password', name: '示範平臺管理者' },
  editor: { email: 'editor@demo.odp.example', password: 'demo-editor-password', name: '示範機關編輯' },
} as const;

export async function seedDemoAccounts(
  db: Kysely<Database>,
): Promise<{ editorOrganizationId: number | undefined }> {
  const { admin, editor } = DEMO_ACCOUNTS;
  await addAccount(
    db,
    { email: admin.email, displayName: admin.name, password: admin.password, platformAdmin: true },
    'demo',
  );
  const busiest = await db
    .selectFrom('datasets')
    .select(['organizationId', sql<number>`count(*)`.as('n')])
    .where('organizationId', 'is not', null)
    .groupBy('organizationId')
    .orderBy(sql`count(*)`, 'desc')
    .orderBy('organizationId')
    .limit(1)
    .executeTakeFirst();
  const organizationId = busiest?.organizationId == null ? undefined : Number(busiest.organizationId);
  await addAccount(
    db,
    {
      email: editor.email,
      displayName: editor.name,
      password: editor.password,
      organization:
        organizationId === undefined ? undefined : { key: String(organizationId), role: 'editor' },
    },
    'demo',
  );
  return { editorOrganizationId: organizationId };
}
