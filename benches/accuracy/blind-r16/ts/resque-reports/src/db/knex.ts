import knex, { type Knex } from 'knex';

// Each process (web, worker, one-off scripts) calls this exactly once at start-up.
export function createKnex(appName: string, poolMax = 8): Knex {
  return knex({
    client: 'mysql2',
    connection: {
      host: process.env.MYSQL_HOST ?? 'localhost',
      port: Number(process.env.MYSQL_PORT ?? 3306),
      user: process.env.MYSQL_USER ?? 'reports',
      password: process.env.MYSQL_PASSWORD,
      database: process.env.MYSQL_DATABASE ?? 'reports',
      connectAttributes: { program_name: appName },
    },
    pool: { min: 0, max: poolMax },
  });
}

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://localhost:6379/3';
export const QUEUE = 'reports';
export const DONE_CHANNEL = 'reports:done';
