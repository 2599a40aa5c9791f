import ldap from 'ldapjs';
import bcrypt from 'bcryptjs';
import { Client } from 'pg';
import { directoryUrl } from '../db';
import { audit } from '../audit';

export const BASE_DN = 'ou=people,dc=acme,dc=io';
const SERVICE_DN = 'cn=svc-bridge,dc=acme,dc=io';

function uidFromDn(dn: ldap.DN): string | null {
  const rdn = dn.toString().split(',')[0];
  const [attr, value] = rdn.split('=');
  return attr?.trim().toLowerCase() === 'uid' ? value.trim() : null;
}

export async function bindHandler(req: any, res: any, next: (err?: unknown) => void) {
  const peer = req.connection.remoteAddress ?? 'unknown';
  const dn: string = req.dn.toString();

  if (dn === SERVICE_DN) {
    if (req.credentials !== process.env.SERVICE_BIND_PASSWORD) {
      return next(new ldap.InvalidCredentialsError());
    }
    res.end();
    return next();
  }

  const uid = uidFromDn(req.dn);
  if (!uid) return next(new ldap.InvalidDnSyntaxError(dn));

  const client = new Client({ connectionString: directoryUrl, application_name: 'ldap-bind' });
  await client.connect();
  try {
    const { rows } = await client.query<{ password_hash: string; disabled: boolean }>(
      'select password_hash, disabled from people where uid = $1',
      [uid],
    );
    const ok = rows.length === 1 && !rows[0].disabled && (await bcrypt.compare(req.credentials, rows[0].password_hash));
    await audit(ok ? 'bind_ok' : 'bind_fail', dn, peer);
    if (!ok) return next(new ldap.InvalidCredentialsError());
    res.end();
    return next();
  } finally {
    await client.end();
  }
}
