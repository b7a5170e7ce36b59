import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

/**
 * For tests of the account pages: a browser's cookie jar around `app.inject`, the CSRF
 * token of the last form seen, and the links in the e-mail outbox.
 */
export class FormClient {
  readonly cookies = new Map<string, string>();
  /** The `_csrf` value of the last page that had a form. */
  csrf = '';

  constructor(
    private readonly app: FastifyInstance,
    /** The client's address (each test can use its own, away from the others' rate limits). */
    private readonly remoteAddress = '127.0.0.1',
  ) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(response: LightMyRequestResponse): LightMyRequestResponse {
    for (const c of response.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const expired =
        c.maxAge === 0 || (c.expires !== undefined && c.expires.getTime() <= Date.now()) || c.value === '';
      if (expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(response.body);
    if (token?.[1]) this.csrf = token[1];
    return response;
  }

  async get(url: string): Promise<LightMyRequestResponse> {
    return this.remember(
      await this.app.inject({
        method: 'GET',
        url,
        headers: { cookie: this.cookieHeader() },
        remoteAddress: this.remoteAddress,
      }),
    );
  }

  /** Posts a form; the CSRF token of the last page is added unless `csrf: false`. */
  async post(
    url: string,
    fields: Record<string, string>,
    options: { csrf?: boolean } = {},
  ): Promise<LightMyRequestResponse> {
    const body = new URLSearchParams(options.csrf === false ? fields : { _csrf: this.csrf, ...fields });
    return this.remember(
      await this.app.inject({
        method: 'POST',
        url,
        headers: { cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
        payload: body.toString(),
        remoteAddress: this.remoteAddress,
      }),
    );
  }
}

/** Decodes a quoted-printable body part (what nodemailer writes for non-ASCII text). */
function decodeQuotedPrintable(text: string): string {
  const joined = text.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined[i] === '=' ? /^[0-9A-F]{2}/.exec(joined.slice(i + 1, i + 3)) : null;
    if (hex) {
      bytes.push(parseInt(hex[0], 16));
      i += 2;
    } else bytes.push(...Buffer.from(joined[i] as string, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** The messages in an outbox directory, oldest first: headers and decoded text. */
export function readOutbox(dir: string): { raw: string; to: string; text: string }[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.eml'));
  } catch {
    return [];
  }
  return names.sort().map((name) => {
    const raw = readFileSync(path.join(dir, name), 'utf8');
    const split = raw.indexOf('\r\n\r\n');
    const headers = raw.slice(0, split);
    const body = raw.slice(split + 4);
    const to = /^To: (.*)$/m.exec(headers)?.[1]?.trim() ?? '';
    const qp = /Content-Transfer-Encoding: quoted-printable/i.test(headers);
    const base64 = /Content-Transfer-Encoding: base64/i.test(headers);
    const text = qp
      ? decodeQuotedPrintable(body)
      : base64
        ? Buffer.from(body, 'base64').toString('utf8')
        : body;
    return { raw, to, text };
  });
}

/** The path and query of the first link in `text` to `pathname` (e.g. '/verify-email'). */
export function linkIn(text: string, pathname: string): string {
  const match = new RegExp(
    `https?://[^\\s/]+(\\S*${pathname.replace('/', '\\/')}\\?token=[A-Za-z0-9_-]+)`,
  ).exec(text);
  if (!match?.[1]) throw new Error(`No ${pathname} link in:\n${text}`);
  return match[1];
}
