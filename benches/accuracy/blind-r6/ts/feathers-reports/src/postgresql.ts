import knex from 'knex';
import type { Knex } from 'knex';
import type { Application } from './declarations';

declare module './declarations' {
  interface Configuration {
    postgresqlClient: Knex;
  }
}

// app.configure(postgresql) — runs once while the app is being assembled.
export const postgresql = (app: Application) => {
  const config = app.get('postgresql');
  const db = knex(config!);

  app.set('postgresqlClient', db);
};
