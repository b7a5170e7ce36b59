import { createHash, createHmac } from 'node:crypto';

/**
 * AWS Signature Version 4 for S3 requests, in the header form
 * (https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html):
 * canonical request → string to sign → HMAC chain over date, region and service.
 * Written here with node:crypto instead of taking the AWS SDK (docs/adr/0007).
 */

export interface S3Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
}

export interface SignableRequest {
  method: string;
  /** The path as sent, already URI-encoded (`/bucket/ab/abcdef…`). */
  path: string;
  /** Query parameters (none for object reads and writes). */
  query?: Record<string, string>;
  /** Headers to sign, `host` among them; names in any case. */
  headers: Record<string, string>;
  /** Hex SHA-256 of the body (also sent as x-amz-content-sha256). */
  payloadHash: string;
  /** `YYYYMMDDTHHMMSSZ`, also sent as x-amz-date. */
  amzDate: string;
}

const ALGORITHM = 'AWS4-HMAC-SHA256';
const SERVICE = 's3';

export const EMPTY_PAYLOAD_HASH = createHash('sha256').update('').digest('hex');

const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
const hmac = (key: Buffer | string, text: string): Buffer =>
  createHmac('sha256', key).update(text, 'utf8').digest();

/** RFC 3986 encoding as SigV4 wants it (unreserved characters stay; everything else %XX). */
export function uriEncode(text: string, keepSlash: boolean): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const c = String.fromCharCode(byte);
    if (/[A-Za-z0-9\-._~]/.test(c) || (keepSlash && c === '/')) out += c;
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** `20130524T000000Z` for a date. */
export function amzDateOf(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

export function canonicalRequest(request: SignableRequest): { text: string; signedHeaders: string } {
  const headers = Object.entries(request.headers)
    .map(([name, value]) => [name.toLowerCase(), value.trim().replace(/\s+/g, ' ')] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const signedHeaders = headers.map(([name]) => name).join(';');
  const query = Object.entries(request.query ?? {})
    .map(([k, v]) => `${uriEncode(k, false)}=${uriEncode(v, false)}`)
    .sort()
    .join('&');
  const text = [
    request.method.toUpperCase(),
    request.path,
    query,
    headers.map(([name, value]) => `${name}:${value}\n`).join(''),
    signedHeaders,
    request.payloadHash,
  ].join('\n');
  return { text, signedHeaders };
}

function signingKey(credentials: S3Credentials, day: string): Buffer {
  const dateKey = hmac(`AWS4${credentials.secretAccessKey}`, day);
  return hmac(hmac(hmac(dateKey, credentials.region), SERVICE), 'aws4_request');
}

/** The signature and the Authorization header value for a request. */
export function signRequest(
  request: SignableRequest,
  credentials: S3Credentials,
): { signature: string; authorization: string } {
  const day = request.amzDate.slice(0, 8);
  const scope = `${day}/${credentials.region}/${SERVICE}/aws4_request`;
  const { text, signedHeaders } = canonicalRequest(request);
  const stringToSign = [ALGORITHM, request.amzDate, scope, sha256Hex(text)].join('\n');
  const signature = createHmac('sha256', signingKey(credentials, day))
    .update(stringToSign, 'utf8')
    .digest('hex');
  return {
    signature,
    authorization: `${ALGORITHM} Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
  };
}

/** The parts of an Authorization header (for a server that checks signatures). */
export function parseAuthorization(
  header: string,
):
  | { accessKeyId: string; day: string; region: string; signedHeaders: string[]; signature: string }
  | undefined {
  const match =
    /^AWS4-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{8})\/([^/,\s]+)\/s3\/aws4_request,\s*SignedHeaders=([a-z0-9;-]+),\s*Signature=([0-9a-f]{64})$/.exec(
      header.trim(),
    );
  if (!match) return undefined;
  const [, accessKeyId, day, region, signed, signature] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  return { accessKeyId, day, region, signedHeaders: signed.split(';'), signature };
}
