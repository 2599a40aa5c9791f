// Run by the release step (`npm run migrate -- up`) once per deploy.
import postgres from 'postgres';
import { Umzug } from 'umzug';
import { PostgresJsStorage } from './storage.js';

const sql = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => undefined });

export const migrator = new Umzug({
  migrations: { glob: ['migrations/*.ts', { cwd: new URL('..', import.meta.url).pathname }] },
  context: sql,
  storage: new PostgresJsStorage(sql),
  logger: console,
});

export type Migration = typeof migrator._types.migration;

try {
  await migrator.runAsCLI();
} finally {
  await sql.end({ timeout: 5 });
}
