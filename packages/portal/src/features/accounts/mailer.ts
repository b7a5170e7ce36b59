import { randomBytes } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Settings } from '../../config/settings.ts';

/**
 * Account e-mail (address verification, password reset). With ODP_SMTP_URL set it goes
 * through that SMTP server; otherwise every message is written, whole and ready to
 * send, as an .eml file into `<dataDir>/outbox/` (a development portal needs no mail
 * server: open the file to follow its link). Files appear atomically (written under a
 * temporary name, then renamed), so a reader never sees half a message.
 */

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
}

export const DEFAULT_MAIL_FROM = 'odp <no-reply@localhost>';

export function outboxDir(dataDir: string): string {
  return path.join(dataDir, 'outbox');
}

/** Writes each message into `dir` as `<time>-<random>.eml`. */
export function outboxMailer(dir: string, from: string): Mailer {
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  return {
    async send(mail) {
      const info = await composer.sendMail({ from, ...mail });
      const message = info.message as Buffer;
      await mkdir(dir, { recursive: true });
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(6).toString('hex')}.eml`;
      const temporary = path.join(dir, `.${name}.tmp`);
      await writeFile(temporary, message, { mode: 0o600 });
      await rename(temporary, path.join(dir, name));
    },
  };
}

/** Sends through an SMTP server (`smtp://user:password@host:587`, `smtps://…`). */
export function smtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(mail) {
      await transport.sendMail({ from, ...mail });
    },
  };
}

export function createMailer(settings: Pick<Settings, 'dataDir' | 'mail'>): Mailer {
  const from = settings.mail?.from ?? DEFAULT_MAIL_FROM;
  const smtpUrl = settings.mail?.smtpUrl;
  return smtpUrl ? smtpMailer(smtpUrl, from) : outboxMailer(outboxDir(settings.dataDir), from);
}
