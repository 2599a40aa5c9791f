import { Pool } from 'pg';

export const directoryUrl = process.env.DIRECTORY_DB_URL ?? 'postgres://ldap_bridge@hr-db.internal:5432/hr';

export const pool = new Pool({
  connectionString: directoryUrl,
  max: 10,
  idleTimeoutMillis: 30_000,
  application_name: 'ldap-bridge',
});

pool.on('error', (err) => console.error('idle pg client error', err));

export type Person = {
  uid: string;
  given_name: string;
  family_name: string;
  email: string;
  department: string;
  groups: string[];
};
