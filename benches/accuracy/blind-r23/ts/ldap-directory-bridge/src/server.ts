import fs from 'node:fs';
import ldap from 'ldapjs';
import { pool } from './db';
import { closeAudit } from './audit';
import { bindHandler, BASE_DN } from './handlers/bind';
import { requireBound, searchHandler } from './handlers/search';

const server = ldap.createServer({
  certificate: fs.readFileSync(process.env.TLS_CERT ?? '/etc/ldap-bridge/tls.crt'),
  key: fs.readFileSync(process.env.TLS_KEY ?? '/etc/ldap-bridge/tls.key'),
});

server.bind(BASE_DN, bindHandler);
server.bind('cn=svc-bridge,dc=acme,dc=io', bindHandler);
server.search(BASE_DN, requireBound, searchHandler);

server.on('error', (err: Error) => console.error('ldap server error', err));

server.listen(Number(process.env.LDAPS_PORT ?? 636), '0.0.0.0', () => {
  console.log(`ldap bridge listening at ${server.url}`);
});

async function shutdown() {
  server.close();
  await pool.end();
  await closeAudit();
  process.exit(0);
}
process.on('SIGTERM', shutdown);
