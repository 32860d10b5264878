import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * Where a request comes from, for counting sign-in failures. The server listens on
 * loopback only, so a request from elsewhere comes through a reverse proxy, whose
 * X-Forwarded-For names the client; the header is trusted only from loopback (a request
 * made in-process, as tests make them, has no socket and counts as loopback).
 */
export function clientAddress(c: Context): string {
  let remote: string | undefined;
  try {
    remote = getConnInfo(c).remote.address;
  } catch {
    remote = undefined;
  }
  const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
  if ((remote === undefined || LOOPBACK.has(remote)) && forwarded) return forwarded;
  return remote ?? 'unknown';
}
