import knex, { type Knex } from 'knex'

export type Db = Knex

export function createDb(connectionString: string): Db {
  return knex({
    client: 'pg',
    connection: connectionString,
    pool: { min: 2, max: 10 },
    acquireConnectionTimeout: 10_000,
  })
}
