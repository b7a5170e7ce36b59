import type { Command } from 'commander';
import { addAccount, setAccountRole } from '../../features/accounts/user-admin.service.ts';
import { openRuntime } from '../runtime.ts';

/** `odp user add` and `odp user role`: accounts made by the operator (the first platform admin). */

const ACTOR = 'cli:odp-user';

/** The first line of stdin (the password, piped in). */
async function readFirstLine(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stream) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}

interface AddOptions {
  email: string;
  name: string;
  platformAdmin?: boolean;
  organization?: string;
  role?: string;
  passwordStdin?: boolean;
}

export function registerUser(program: Command): void {
  const user = program
    .command('user')
    .description('Manage accounts from the command line: create the first platform administrator, give roles')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  odp user add --email admin@example.gov.tw --name 平臺管理者 --platform-admin',
        '  printf \'%s\\n\' "$PASSWORD" | odp user add --email editor@example.gov.tw --name 編輯 --organization A41000000G --role editor --password-stdin',
        '  odp user role --email editor@example.gov.tw --organization 2.16.886.101.20003 --role admin',
      ].join('\n'),
    );

  user
    .command('add')
    .description('Create a verified account; prints a generated password once unless --password-stdin')
    .requiredOption('--email <address>', 'the e-mail address (the sign-in name)')
    .requiredOption('--name <name>', 'the display name')
    .option('--platform-admin', 'make the account a platform administrator')
    .option('--organization <oid|code|id>', 'an organisation to give a role in (OID, agency code or id)')
    .option('--role <role>', 'the role in --organization: admin, editor or member', 'member')
    .option('--password-stdin', 'read the password from the first line of stdin (at least 12 characters)')
    .addHelpText(
      'after',
      '\nExample:\n  odp user add --email admin@example.gov.tw --name 平臺管理者 --platform-admin',
    )
    .action(async (options: AddOptions) => {
      const password = options.passwordStdin ? await readFirstLine(process.stdin) : undefined;
      const { handle } = await openRuntime();
      try {
        const result = await addAccount(
          handle.db,
          {
            email: options.email,
            displayName: options.name,
            password,
            platformAdmin: options.platformAdmin ?? false,
            organization: options.organization
              ? { key: options.organization, role: options.role ?? 'member' }
              : undefined,
          },
          ACTOR,
        );
        console.log(`Created account ${result.userId} for ${options.email.trim().toLowerCase()}.`);
        if (result.generated)
          console.log(`Password (shown once, change it after signing in): ${result.password}`);
      } finally {
        await handle.close();
      }
    });

  user
    .command('role')
    .description("Give, change or remove (--role none) a person's role in an organisation")
    .requiredOption('--email <address>', 'the account')
    .requiredOption('--organization <oid|code|id>', 'the organisation (OID, agency code or id)')
    .requiredOption('--role <role>', 'admin, editor, member or none')
    .addHelpText(
      'after',
      '\nExample:\n  odp user role --email editor@example.gov.tw --organization A41000000G --role editor',
    )
    .action(async (options: { email: string; organization: string; role: string }) => {
      const { handle } = await openRuntime();
      try {
        await setAccountRole(handle.db, options, ACTOR);
        console.log(`${options.email}: ${options.role} in ${options.organization}.`);
      } finally {
        await handle.close();
      }
    });
}
