import type { Request } from 'express';

interface HasuraClaims {
  'x-hasura-user-id': string;
  'x-hasura-default-role': string;
}

// Nhost puts the verified session claims on the request when the function is called with a JWT.
export function userIdFrom(req: Request): string | null {
  const header = req.headers.authorization;
  if (!header?.startsWith('Bearer ')) return null;
  const payload = header.slice(7).split('.')[1];
  if (!payload) return null;
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))['https://hasura.io/jwt/claims'] as
    | HasuraClaims
    | undefined;
  return claims?.['x-hasura-user-id'] ?? null;
}
