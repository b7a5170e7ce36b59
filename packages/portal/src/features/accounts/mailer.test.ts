import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readOutbox } from '../../test/form-client.ts';
import { createMailer, outboxDir } from './mailer.ts';

/* The outbox: one whole .eml file a message, nothing half-written left behind. */

const dataDir = mkdtempSync(path.join(tmpdir(), 'odp-mail-'));

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('the outbox mailer', () => {
  it('writes each message as an .eml file with its headers and UTF-8 text', async () => {
    const mailer = createMailer({
      dataDir,
      mail: { from: 'Portal <portal@example.gov.tw>', smtpUrl: undefined },
    });
    await mailer.send({
      to: 'ming@example.gov.tw',
      subject: '請驗證您的電子郵件',
      text: '王小明 您好：\nhttps://x.example/verify-email?token=abc',
    });
    await mailer.send({ to: 'other@example.gov.tw', subject: 'Second', text: 'plain' });
    const files = readdirSync(outboxDir(dataDir));
    expect(files.filter((f) => f.endsWith('.eml'))).toHaveLength(2);
    expect(files.filter((f) => !f.endsWith('.eml'))).toEqual([]);
    const [first] = readOutbox(outboxDir(dataDir)).filter((m) => m.to === 'ming@example.gov.tw');
    expect(first?.raw).toMatch(/^From: Portal <portal@example\.gov\.tw>$/m);
    expect(first?.raw).toMatch(/^Subject: =\?UTF-8\?/m);
    expect(first?.text).toContain('王小明 您好：');
    expect(first?.text).toContain('https://x.example/verify-email?token=abc');
  });
});
