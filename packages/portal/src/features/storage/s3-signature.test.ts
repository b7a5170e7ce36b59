import { describe, expect, it } from 'vitest';
import {
  amzDateOf,
  canonicalRequest,
  EMPTY_PAYLOAD_HASH,
  parseAuthorization,
  signRequest,
  uriEncode,
} from './s3-signature.ts';

// The worked example of AWS's documentation ("Example: GET Object", sig-v4-header-based-auth).
const AWS_EXAMPLE = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  region: 'us-east-1',
};
const GET_OBJECT = {
  method: 'GET',
  path: '/test.txt',
  headers: {
    Host: 'examplebucket.s3.amazonaws.com',
    Range: 'bytes=0-9',
    'x-amz-content-sha256': EMPTY_PAYLOAD_HASH,
    'x-amz-date': '20130524T000000Z',
  },
  payloadHash: EMPTY_PAYLOAD_HASH,
  amzDate: '20130524T000000Z',
};

describe('AWS Signature Version 4', () => {
  it('builds the canonical request of the documented example', () => {
    const { text, signedHeaders } = canonicalRequest(GET_OBJECT);
    expect(signedHeaders).toBe('host;range;x-amz-content-sha256;x-amz-date');
    expect(text).toBe(
      [
        'GET',
        '/test.txt',
        '',
        'host:examplebucket.s3.amazonaws.com',
        'range:bytes=0-9',
        `x-amz-content-sha256:${EMPTY_PAYLOAD_HASH}`,
        'x-amz-date:20130524T000000Z',
        '',
        'host;range;x-amz-content-sha256;x-amz-date',
        EMPTY_PAYLOAD_HASH,
      ].join('\n'),
    );
  });

  it('gives the documented signature and Authorization header', () => {
    const { signature, authorization } = signRequest(GET_OBJECT, AWS_EXAMPLE);
    expect(signature).toBe('f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41');
    expect(authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, ' +
        'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, ' +
        'Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
    expect(parseAuthorization(authorization)).toEqual({
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      day: '20130524',
      region: 'us-east-1',
      signedHeaders: ['host', 'range', 'x-amz-content-sha256', 'x-amz-date'],
      signature,
    });
  });

  it('changes the signature with the secret, the region, the path or the body', () => {
    const base = signRequest(GET_OBJECT, AWS_EXAMPLE).signature;
    expect(signRequest(GET_OBJECT, { ...AWS_EXAMPLE, secretAccessKey: 'other' }).signature).not.toBe(base);
    expect(signRequest(GET_OBJECT, { ...AWS_EXAMPLE, region: 'ap-northeast-1' }).signature).not.toBe(base);
    expect(signRequest({ ...GET_OBJECT, path: '/test.txu' }, AWS_EXAMPLE).signature).not.toBe(base);
    expect(signRequest({ ...GET_OBJECT, payloadHash: 'UNSIGNED-PAYLOAD' }, AWS_EXAMPLE).signature).not.toBe(
      base,
    );
  });

  it('encodes paths and dates as SigV4 wants', () => {
    expect(uriEncode('a b/臺~x$', true)).toBe('a%20b/%E8%87%BA~x%24');
    expect(uriEncode('a/b', false)).toBe('a%2Fb');
    expect(amzDateOf(new Date('2026-11-27T08:09:10.123Z'))).toBe('20261127T080910Z');
    expect(parseAuthorization('AWS4-HMAC-SHA256 Credential=x')).toBeUndefined();
  });
});
