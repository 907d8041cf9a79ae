import { hash, randomBytes } from 'node:crypto';
import { OWNER_COOKIE_MAX_AGE_S, OWNER_COOKIE_NAME } from '../defaults.js';
import type { HeaderTarget, RequestView } from '../edge/exchange.js';

/** 128 bits or more of base64url: a value this handler made, not one picked by hand. */
const OWNER_SECRET = /^[A-Za-z0-9_-]{22,64}$/;

function cookieValue(header: string | undefined, name: string): string | undefined {
  if (header === undefined) return undefined;
  for (const pair of header.split(';')) {
    const separator = pair.indexOf('=');
    if (separator !== -1 && pair.slice(0, separator).trim() === name) {
      return pair.slice(separator + 1).trim();
    }
  }
  return undefined;
}

function setOwnerCookie(
  request: RequestView<unknown>,
  response: HeaderTarget,
  secret: string,
): void {
  const secure = request.secure ? '; Secure' : '';
  const cookie =
    `${OWNER_COOKIE_NAME}=${secret}; Path=/; HttpOnly; SameSite=Lax; ` +
    `Max-Age=${OWNER_COOKIE_MAX_AGE_S}${secure}`;
  const current = response.getHeader('set-cookie');
  const cookies = current === undefined ? [] : Array.isArray(current) ? current : [String(current)];
  response.setHeader('set-cookie', [...cookies, cookie]);
}

/** How many owners are remembered by their secret: a browser sends the same one each turn. */
const REMEMBERED_OWNERS = 1_024;

/** Owners by their secret; the one remembered first is forgotten first. */
const ownersBySecret = new Map<string, string>();

/**
 * The owner of a request when the server gives no `owner` callback: a random secret in an
 * HttpOnly cookie, made on the first request that needs one. Whoever holds the cookie (the
 * same browser) owns its turns, on any instance and after a change of network, and nobody can
 * guess it; the store keeps only its hash.
 */
export function cookieOwner(request: RequestView<unknown>, response: HeaderTarget): string {
  let secret = cookieValue(request.header('cookie'), OWNER_COOKIE_NAME);
  if (secret === undefined || !OWNER_SECRET.test(secret)) {
    secret = randomBytes(18).toString('base64url');
    setOwnerCookie(request, response, secret);
  }
  return ownerOf(secret);
}

/** The hash of `secret`, worked out once per secret while it is remembered. */
function ownerOf(secret: string): string {
  const known = ownersBySecret.get(secret);
  if (known !== undefined) return known;
  const owner = `cookie:${hash('sha256', secret, 'base64url')}`;
  if (ownersBySecret.size >= REMEMBERED_OWNERS) {
    ownersBySecret.delete(ownersBySecret.keys().next().value as string);
  }
  ownersBySecret.set(secret, owner);
  return owner;
}
