import { randomUUID } from 'node:crypto';
import { inspect } from 'node:util';
import { withUnsubscribeFooter } from '../../activities/sending';
import {
  UnsubscribeKeyring,
  readUnsubscribeToken,
  signUnsubscribeToken,
  unsubscribeUrl,
  verifyUnsubscribeToken,
} from '../../activities/unsubscribe-token';
import { loadAppConfig, unsubscribeSecretsFromConfig } from '../../config/app';
import type { Db } from '../../db/connect';
import { buildActivityDeps } from '../../workers/deps';

const secretA = 'a'.repeat(16) + 'first-secret-for-the-tests';
const secretB = 'b'.repeat(16) + 'second-secret-for-the-tests';
const keyring = new UnsubscribeKeyring({ current: secretA });
const claims = {
  prospectId: randomUUID(),
  enrollmentId: randomUUID(),
  recipient: 'Pat.Lee@Example.test',
  issuedAt: new Date('2026-11-21T10:00:00Z'),
};

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

test('a signed token verifies for its recipient and says who and when, without carrying the address', () => {
  const token = signUnsubscribeToken(keyring, claims);
  expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
  expect(token.length).toBeLessThanOrEqual(100);
  expect(Buffer.from(token, 'base64url').toString('latin1')).not.toMatch(/example/i);

  const verified = verifyUnsubscribeToken(keyring, token, claims.recipient);
  expect(verified).toEqual({ prospectId: claims.prospectId, enrollmentId: claims.enrollmentId, issuedAt: claims.issuedAt, keyId: keyring.currentKeyId });
  // The address is compared as mail systems do: case and surrounding space do not matter.
  expect(verifyUnsubscribeToken(keyring, token, ' pat.lee@example.test ')).not.toBeNull();
  expect(readUnsubscribeToken(token)).toEqual(verified);
  expect(unsubscribeUrl('https://cadence.example.com/', token)).toBe(`https://cadence.example.com/u/${token}`);
});

test('ids that are not UUIDs round-trip too', () => {
  const other = { ...claims, prospectId: 'prospect-42', enrollmentId: 'ünïcode-enrollment' };
  const token = signUnsubscribeToken(keyring, other);
  expect(verifyUnsubscribeToken(keyring, token, other.recipient)).toMatchObject({ prospectId: 'prospect-42', enrollmentId: 'ünïcode-enrollment' });
});

test('a token for another recipient, or signed with another key, is refused', () => {
  const token = signUnsubscribeToken(keyring, claims);
  expect(verifyUnsubscribeToken(keyring, token, 'someone.else@example.test')).toBeNull();
  expect(verifyUnsubscribeToken(new UnsubscribeKeyring({ current: secretB }), token, claims.recipient)).toBeNull();
  // A key with the right id but the wrong secret cannot exist by construction; a forger's own key is simply unknown.
  const forged = signUnsubscribeToken(new UnsubscribeKeyring({ current: secretB }), claims);
  expect(verifyUnsubscribeToken(keyring, forged, claims.recipient)).toBeNull();
});

test('changing any character of a token, or any byte under it, makes it invalid', () => {
  const token = signUnsubscribeToken(keyring, claims);
  for (let i = 0; i < token.length; i++) {
    for (const c of [B64URL[(B64URL.indexOf(token[i]!) + 1) % 64]!, B64URL[(B64URL.indexOf(token[i]!) + 33) % 64]!]) {
      const altered = token.slice(0, i) + c + token.slice(i + 1);
      expect(verifyUnsubscribeToken(keyring, altered, claims.recipient)).toBeNull();
    }
  }
  const bytes = Buffer.from(token, 'base64url');
  for (let i = 0; i < bytes.length; i++) {
    for (const bit of [0x01, 0x80]) {
      const altered = Buffer.from(bytes);
      altered[i]! ^= bit;
      expect(verifyUnsubscribeToken(keyring, altered.toString('base64url'), claims.recipient)).toBeNull();
    }
  }
});

test('truncated, extended, padded and malformed tokens are refused without throwing', () => {
  const token = signUnsubscribeToken(keyring, claims);
  const bytes = Buffer.from(token, 'base64url');
  for (const bad of [
    '',
    'x',
    token.slice(0, -1),
    token.slice(1),
    `${token}A`,
    `${token}=`,
    `${token}.`,
    token.replace(/.$/, '+'),
    Buffer.concat([bytes, Buffer.of(0)]).toString('base64url'),
    bytes.subarray(0, bytes.length - 1).toString('base64url'),
    'A'.repeat(5000),
    '../../etc/passwd',
  ]) {
    expect(verifyUnsubscribeToken(keyring, bad, claims.recipient)).toBeNull();
  }
});

test('rotation: tokens of a previous secret verify while it is listed, new ones are signed with the current secret', () => {
  const old = new UnsubscribeKeyring({ current: secretA });
  const oldToken = signUnsubscribeToken(old, claims);
  const rotated = new UnsubscribeKeyring({ current: secretB, previous: [secretA] });
  expect(rotated.currentKeyId).not.toBe(old.currentKeyId);

  expect(verifyUnsubscribeToken(rotated, oldToken, claims.recipient)).toMatchObject({ keyId: old.currentKeyId });
  const newToken = signUnsubscribeToken(rotated, claims);
  expect(readUnsubscribeToken(newToken)?.keyId).toBe(rotated.currentKeyId);
  expect(verifyUnsubscribeToken(rotated, newToken, claims.recipient)).not.toBeNull();
  // The old deployment does not know the new key.
  expect(verifyUnsubscribeToken(old, newToken, claims.recipient)).toBeNull();
  // Once the previous secret is dropped, its tokens no longer verify.
  expect(verifyUnsubscribeToken(new UnsubscribeKeyring({ current: secretB }), oldToken, claims.recipient)).toBeNull();
});

test('a secret under 32 characters is refused, and the keyring never prints its keys', () => {
  expect(() => new UnsubscribeKeyring({ current: 'too-short' })).toThrow(/at least 32/);
  expect(() => new UnsubscribeKeyring({ current: secretA, previous: ['short'] })).toThrow(/at least 32/);
  expect(JSON.stringify(keyring)).not.toContain(secretA);
  expect(inspect(keyring, { showHidden: true, getters: true })).not.toMatch(/Buffer|<[0-9a-f ]{8,}/);
});

test('the footer follows the approved text unchanged', () => {
  const url = 'https://cadence.example.com/u/TOKEN';
  expect(withUnsubscribeFooter('Hi Pat,\n\nDana', url)).toBe(`Hi Pat,\n\nDana\n\nIf you'd rather not hear from me, unsubscribe: ${url}`);
  expect(withUnsubscribeFooter('Hi Pat,\n', url)).toBe(`Hi Pat,\n\nIf you'd rather not hear from me, unsubscribe: ${url}`);
});

describe('configuration', () => {
  const secret = 's'.repeat(40);

  test('PUBLIC_BASE_URL must be https, or http on this machine, without query or fragment', () => {
    expect(loadAppConfig({ PUBLIC_BASE_URL: 'https://cadence.example.com/' }).PUBLIC_BASE_URL).toBe('https://cadence.example.com');
    expect(loadAppConfig({ PUBLIC_BASE_URL: 'https://example.com/sales' }).PUBLIC_BASE_URL).toBe('https://example.com/sales');
    expect(loadAppConfig({ PUBLIC_BASE_URL: 'http://127.0.0.1:3000' }).PUBLIC_BASE_URL).toBe('http://127.0.0.1:3000');
    expect(loadAppConfig({ PUBLIC_BASE_URL: 'http://localhost:3000' }).PUBLIC_BASE_URL).toBe('http://localhost:3000');
    expect(() => loadAppConfig({ PUBLIC_BASE_URL: 'http://cadence.example.com' })).toThrow(/PUBLIC_BASE_URL: must be an https:\/\/ URL/);
    expect(() => loadAppConfig({ PUBLIC_BASE_URL: 'cadence.example.com' })).toThrow(/PUBLIC_BASE_URL/);
    expect(() => loadAppConfig({ PUBLIC_BASE_URL: 'https://example.com/?a=1' })).toThrow(/PUBLIC_BASE_URL: must have no query/);
  });

  test('unsubscribe secrets need 32 characters each, and the messages never echo them', () => {
    expect(() => loadAppConfig({ UNSUBSCRIBE_SECRET: 'short-secret' })).toThrow(/UNSUBSCRIBE_SECRET: must be at least 32 characters/);
    expect(() => loadAppConfig({ UNSUBSCRIBE_SECRET: secret, UNSUBSCRIBE_PREVIOUS_SECRETS: `${secret},short-secret` })).toThrow(/UNSUBSCRIBE_PREVIOUS_SECRETS\.1/);
    expect(() => loadAppConfig({ UNSUBSCRIBE_SECRET: 'short-secret' })).not.toThrow(/short-secret/);
    expect(loadAppConfig({ UNSUBSCRIBE_SECRET: secret, UNSUBSCRIBE_PREVIOUS_SECRETS: ` ${'p'.repeat(32)} , ${'q'.repeat(32)}` }).UNSUBSCRIBE_PREVIOUS_SECRETS).toEqual(['p'.repeat(32), 'q'.repeat(32)]);
    expect(() => unsubscribeSecretsFromConfig(loadAppConfig({}))).toThrow(/^UNSUBSCRIBE_SECRET: required/);
    expect(unsubscribeSecretsFromConfig(loadAppConfig({ UNSUBSCRIBE_SECRET: secret }))).toEqual({ current: secret, previous: [] });
  });

  test('the worker refuses to send without PUBLIC_BASE_URL and UNSUBSCRIBE_SECRET', () => {
    const db = {} as Db;
    expect(() => buildActivityDeps(loadAppConfig({ UNSUBSCRIBE_SECRET: secret }), db)).toThrow(/^PUBLIC_BASE_URL: required for sending/);
    expect(() => buildActivityDeps(loadAppConfig({ PUBLIC_BASE_URL: 'https://cadence.example.com' }), db)).toThrow(/^UNSUBSCRIBE_SECRET: required/);
    const deps = buildActivityDeps(loadAppConfig({ PUBLIC_BASE_URL: 'https://cadence.example.com', UNSUBSCRIBE_SECRET: secret }), db);
    try {
      expect(deps.unsubscribe.baseUrl).toBe('https://cadence.example.com');
      expect(deps.unsubscribe.keyring.currentKeyId).toBe(new UnsubscribeKeyring({ current: secret }).currentKeyId);
    } finally {
      deps.close();
    }
  });
});
