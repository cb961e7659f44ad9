import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { sql } from 'kysely';
import type { Db } from '../db/connect';
import type { OwnerScope } from '../db/repositories/pages';
import type { Role } from '../db/types';
import { forbidden, unauthorized } from './errors';

export interface Principal {
  userId: string;
  name: string;
  role: Role;
}

declare module 'express-serve-static-core' {
  interface Request {
    principal?: Principal;
  }
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Creates a bearer token for a user; only its hash is stored, so the token is shown once. */
export async function createToken(db: Db, userId: string, label: string): Promise<string> {
  const token = `cad_${randomBytes(32).toString('base64url')}`;
  await db.insertInto('api_tokens').values({ id: randomUUID(), user_id: userId, token_hash: hashToken(token), label }).execute();
  return token;
}

export function authenticate(db: Db): RequestHandler {
  return async (req: Request, _res: Response, next: NextFunction) => {
    const header = req.header('authorization');
    const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) throw unauthorized('missing bearer token: send Authorization: Bearer <token>');
    const {
      rows: [row],
    } = await sql<{ id: string; name: string; role: Role; revoked_at: Date | null }>`
      select users.id, users.name, users.role, api_tokens.revoked_at
      from api_tokens join users on users.id = api_tokens.user_id
      where api_tokens.token_hash = ${hashToken(match[1]!)}`.execute(db);
    if (!row || row.revoked_at) throw unauthorized('unknown or revoked token');
    req.principal = { userId: row.id, name: row.name, role: row.role };
    next();
  };
}

export function requireRole(...roles: Role[]): RequestHandler {
  return (req, _res, next) => {
    const role = req.principal?.role;
    if (!role || !roles.includes(role)) throw forbidden(`this action needs one of the roles ${roles.join(', ')}; the token's role is ${role}`);
    next();
  };
}

export function principal(req: Request): Principal {
  if (!req.principal) throw unauthorized('not authenticated');
  return req.principal;
}

/** Who may act on an owner's approvals, tasks and cadences: the owner, the owner's manager, any admin. */
export async function mayActFor(db: Db, caller: Principal, ownerId: string): Promise<boolean> {
  if (caller.role === 'admin' || caller.userId === ownerId) return true;
  if (caller.role !== 'manager') return false;
  const owner = await db.selectFrom('users').select('manager_id').where('id', '=', ownerId).executeTakeFirst();
  return owner?.manager_id === caller.userId;
}

/** Whose items a caller lists: a rep their own, a manager their own and their reps', an admin everyone's. */
export function ownerScope(caller: Principal): OwnerScope {
  return caller.role === 'rep' ? { kind: 'owner', userId: caller.userId } : caller.role === 'manager' ? { kind: 'team', managerId: caller.userId } : { kind: 'all' };
}
