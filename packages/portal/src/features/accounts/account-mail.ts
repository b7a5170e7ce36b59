import type { FastifyBaseLogger } from 'fastify';
import { localePath } from '../../i18n/locale.ts';
import type { ManageRouteOptions } from '../manage/account-scope.ts';
import { accountMessages } from './account-messages.ts';
import { issueAccountToken } from './account-token.repo.ts';
import type { Mailer, OutgoingMail } from './mailer.ts';
import type { UserRow } from './user.repo.ts';

/**
 * The e-mail the account pages send, in the language of the page that sent it. A
 * message that cannot be sent is logged (without its link) and the page answers as if
 * it had been: the same answer whatever happened, and the person can ask again.
 */

type Person = Pick<UserRow, 'id' | 'email' | 'displayName'>;

function link(options: ManageRouteOptions, path: string, token: string): string {
  return `${options.settings.publicUrl}${localePath(options.locale, path)}?token=${token}`;
}

async function deliver(mailer: Mailer, mail: OutgoingMail, log: FastifyBaseLogger): Promise<void> {
  try {
    await mailer.send(mail);
  } catch (error) {
    log.error({ errorMessage: (error as Error).message, subject: mail.subject }, 'account e-mail not sent');
  }
}

/** A new single-use link (24 hours to verify the address, 1 hour to set a new password). */
async function sendTokenMail(
  purpose: 'verify-email' | 'reset-password',
  options: ManageRouteOptions,
  mailer: Mailer,
  user: Person,
  log: FastifyBaseLogger,
): Promise<void> {
  const m = accountMessages(options.locale).mail;
  const token = await issueAccountToken(options.catalogue.db, user.id, purpose);
  const mail =
    purpose === 'verify-email'
      ? {
          subject: m.verifySubject,
          text: m.verifyBody(user.displayName, link(options, '/verify-email', token)),
        }
      : {
          subject: m.resetSubject,
          text: m.resetBody(user.displayName, link(options, '/password/reset', token)),
        };
  await deliver(mailer, { to: user.email, ...mail }, log);
}

export const sendVerificationMail = (
  options: ManageRouteOptions,
  mailer: Mailer,
  user: Person,
  log: FastifyBaseLogger,
): Promise<void> => sendTokenMail('verify-email', options, mailer, user, log);

export const sendResetMail = (
  options: ManageRouteOptions,
  mailer: Mailer,
  user: Person,
  log: FastifyBaseLogger,
): Promise<void> => sendTokenMail('reset-password', options, mailer, user, log);

/** Someone registered with an address that has an account: tell its owner (the page says nothing). */
export async function sendAlreadyRegisteredMail(
  options: ManageRouteOptions,
  mailer: Mailer,
  user: Person,
  log: FastifyBaseLogger,
): Promise<void> {
  const m = accountMessages(options.locale).mail;
  const forgot = `${options.settings.publicUrl}${localePath(options.locale, '/password/forgot')}`;
  await deliver(mailer, { to: user.email, subject: m.existsSubject, text: m.existsBody(forgot) }, log);
}
