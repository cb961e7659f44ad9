import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * One-click unsubscribe tokens (RFC 8058): opaque, signed, one per recipient and enrollment.
 *
 * A token is base64url (no padding) of
 *
 *     version (1 byte, 1) | key id (4 bytes) | issued-at (uint32, seconds since the epoch, big-endian)
 *     | prospect id | enrollment id | tag (32 bytes)
 *
 * where an id is 0x00 followed by the 16 bytes of a lowercase UUID, or its UTF-8 length (1–255) followed
 * by its bytes, and the tag is HMAC-SHA256 over everything before it followed by the recipient address
 * (trimmed, lower case). The address is bound by the tag but not carried, so the URL does not disclose
 * it; the verifier supplies the address the message went to. The key id (derived from the secret) picks
 * the key, so a secret can be rotated while tokens signed with the previous one still verify.
 */

export interface UnsubscribeClaims {
  prospectId: string;
  enrollmentId: string;
  /** The address the message was sent to. */
  recipient: string;
  issuedAt: Date;
}

/** What a token says about itself, before (readUnsubscribeToken) or after (verifyUnsubscribeToken) its tag is checked. */
export interface UnsubscribeTokenContent {
  prospectId: string;
  enrollmentId: string;
  issuedAt: Date;
  /** The key that signed it, as 8 hex digits. */
  keyId: string;
}

const VERSION = 1;
const KEY_ID_BYTES = 4;
const TAG_BYTES = 32;
const MIN_SECRET_LENGTH = 32;
/** Far longer than any token we sign; anything longer is refused before it is decoded. */
const MAX_TOKEN_LENGTH = 800;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

interface SigningKey {
  id: Buffer;
  key: Buffer;
}

/**
 * The keys that sign and verify tokens: the current secret, and previous ones still accepted during a
 * rotation. The derived keys are private fields, so logging the keyring never prints them.
 */
export class UnsubscribeKeyring {
  readonly #current: SigningKey;
  /** The current key first. */
  readonly #accepted: SigningKey[];

  constructor(secrets: { current: string; previous?: readonly string[] }) {
    this.#current = deriveKey(secrets.current);
    this.#accepted = [this.#current];
    for (const secret of secrets.previous ?? []) {
      const key = deriveKey(secret);
      if (!this.#accepted.some((k) => k.key.equals(key.key))) this.#accepted.push(key);
    }
  }

  /** Hex id of the key that signs new tokens. */
  get currentKeyId(): string {
    return this.#current.id.toString('hex');
  }

  /** @internal */
  signingKey(): SigningKey {
    return this.#current;
  }

  /** @internal the accepted keys with this id (more than one only if two secrets' ids collide). */
  keysWithId(id: Buffer): SigningKey[] {
    return this.#accepted.filter((k) => k.id.equals(id));
  }
}

/** Where the links point, and the keys that sign them: what the sender needs to put a link on every message. */
export interface UnsubscribeLinks {
  /** The API's public origin (and path prefix, if any), without a trailing slash, e.g. https://cadence.example.com */
  baseUrl: string;
  keyring: UnsubscribeKeyring;
}

function deriveKey(secret: string): SigningKey {
  if (secret.length < MIN_SECRET_LENGTH) throw new Error(`an unsubscribe secret must be at least ${MIN_SECRET_LENGTH} characters`);
  // Separate keys for the id and the tag, so the id published in every token says nothing about the signing key.
  const id = createHmac('sha256', secret).update('cadence/unsubscribe-token/v1/key-id').digest().subarray(0, KEY_ID_BYTES);
  const key = createHmac('sha256', secret).update('cadence/unsubscribe-token/v1/sign').digest();
  return { id, key };
}

function encodeId(id: string): Buffer {
  if (UUID.test(id)) return Buffer.concat([Buffer.of(0), Buffer.from(id.replace(/-/g, ''), 'hex')]);
  const bytes = Buffer.from(id, 'utf8');
  if (bytes.length < 1 || bytes.length > 255) throw new Error(`an id in an unsubscribe token must be 1–255 bytes, got ${bytes.length}`);
  return Buffer.concat([Buffer.of(bytes.length), bytes]);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Reads one id at `offset`; null when the bytes are not one in its canonical encoding. */
function decodeId(buf: Buffer, offset: number): { id: string; next: number } | null {
  if (offset >= buf.length) return null;
  const lead = buf[offset]!;
  if (lead === 0) {
    if (offset + 17 > buf.length) return null;
    const hex = buf.subarray(offset + 1, offset + 17).toString('hex');
    return { id: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`, next: offset + 17 };
  }
  if (offset + 1 + lead > buf.length) return null;
  let id: string;
  try {
    id = utf8.decode(buf.subarray(offset + 1, offset + 1 + lead));
  } catch {
    return null;
  }
  if (UUID.test(id)) return null; // a UUID is always written in its 16-byte form
  return { id, next: offset + 1 + lead };
}

const canonicalRecipient = (address: string) => address.trim().toLowerCase();

function tag(key: Buffer, signed: Buffer, recipient: string): Buffer {
  return createHmac('sha256', key).update(signed).update(canonicalRecipient(recipient), 'utf8').digest();
}

export function signUnsubscribeToken(keyring: UnsubscribeKeyring, claims: UnsubscribeClaims): string {
  const seconds = Math.floor(claims.issuedAt.getTime() / 1000);
  if (!Number.isInteger(seconds) || seconds < 0 || seconds > 0xffffffff) throw new Error('issuedAt is out of range for an unsubscribe token');
  if (!canonicalRecipient(claims.recipient)) throw new Error('an unsubscribe token needs the recipient address');
  const issued = Buffer.alloc(4);
  issued.writeUInt32BE(seconds);
  const { id, key } = keyring.signingKey();
  const signed = Buffer.concat([Buffer.of(VERSION), id, issued, encodeId(claims.prospectId), encodeId(claims.enrollmentId)]);
  return Buffer.concat([signed, tag(key, signed, claims.recipient)]).toString('base64url');
}

function parse(token: string): { content: UnsubscribeTokenContent; keyId: Buffer; signed: Buffer; tag: Buffer } | null {
  if (typeof token !== 'string' || token.length === 0 || token.length > MAX_TOKEN_LENGTH || !BASE64URL.test(token)) return null;
  const buf = Buffer.from(token, 'base64url');
  // Only the canonical encoding: otherwise the unused low bits of the last character could vary freely.
  if (buf.toString('base64url') !== token) return null;
  const header = 1 + KEY_ID_BYTES + 4;
  if (buf.length < header + TAG_BYTES || buf[0] !== VERSION) return null;
  const prospect = decodeId(buf, header);
  const enrollment = prospect && decodeId(buf, prospect.next);
  if (!enrollment || enrollment.next + TAG_BYTES !== buf.length) return null;
  const keyId = buf.subarray(1, 1 + KEY_ID_BYTES);
  return {
    content: {
      prospectId: prospect.id,
      enrollmentId: enrollment.id,
      issuedAt: new Date(buf.readUInt32BE(1 + KEY_ID_BYTES) * 1000),
      keyId: keyId.toString('hex'),
    },
    keyId,
    signed: buf.subarray(0, enrollment.next),
    tag: buf.subarray(enrollment.next),
  };
}

/**
 * What a well-formed token claims, without checking its tag: enough to look up the recipient the
 * tag must then be verified against. Never act on it before verifyUnsubscribeToken agrees.
 */
export function readUnsubscribeToken(token: string): UnsubscribeTokenContent | null {
  return parse(token)?.content ?? null;
}

/** The token's content when one of the keyring's keys signed it for this recipient; null otherwise, whatever was wrong. */
export function verifyUnsubscribeToken(keyring: UnsubscribeKeyring, token: string, recipient: string): UnsubscribeTokenContent | null {
  const parsed = parse(token);
  if (!parsed) return null;
  let valid = false;
  for (const { key } of keyring.keysWithId(parsed.keyId)) {
    if (timingSafeEqual(tag(key, parsed.signed, recipient), parsed.tag)) valid = true;
  }
  return valid ? parsed.content : null;
}

/** The one-click URL for a token: PUBLIC_BASE_URL/u/TOKEN. */
export function unsubscribeUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/u/${token}`;
}
