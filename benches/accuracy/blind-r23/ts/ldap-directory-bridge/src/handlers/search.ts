import ldap from 'ldapjs';
import { pool, type Person } from '../db';
import { audit } from '../audit';
import { BASE_DN } from './bind';

export function requireBound(req: any, _res: any, next: (err?: unknown) => void) {
  if (req.connection.ldap.bindDN.equals('cn=anonymous')) {
    return next(new ldap.InsufficientAccessRightsError());
  }
  return next();
}

function toEntry(p: Person) {
  return {
    dn: `uid=${p.uid},${BASE_DN}`,
    attributes: {
      objectclass: ['top', 'person', 'inetOrgPerson'],
      uid: p.uid,
      cn: `${p.given_name} ${p.family_name}`,
      givenName: p.given_name,
      sn: p.family_name,
      mail: p.email,
      departmentNumber: p.department,
      memberOf: p.groups.map((g) => `cn=${g},ou=groups,dc=acme,dc=io`),
    },
  };
}

export async function searchHandler(req: any, res: any, next: (err?: unknown) => void) {
  const peer = req.connection.remoteAddress ?? 'unknown';
  const department = req.filter.toString().match(/\(departmentNumber=([^)]+)\)/)?.[1];

  const conn = await pool.connect();
  const { rows } = await conn.query<Person>(
    `select uid, given_name, family_name, email, department,
            coalesce(array_agg(g.name) filter (where g.name is not null), '{}') as groups
       from people p
       left join group_members gm on gm.person_id = p.id
       left join groups g on g.id = gm.group_id
      where not p.disabled and ($1::text is null or p.department = $1)
      group by p.id`,
    [department ?? null],
  );

  if (rows.length === 0 && req.scope === 'base') {
    return next(new ldap.NoSuchObjectError(req.dn.toString()));
  }

  for (const person of rows) {
    const entry = toEntry(person);
    if (req.filter.matches(entry.attributes)) res.send(entry);
  }
  conn.release();

  await audit('search', req.connection.ldap.bindDN.toString(), peer, req.filter.toString());
  res.end();
  return next();
}
