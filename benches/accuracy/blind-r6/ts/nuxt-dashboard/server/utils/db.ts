import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import type { Database } from '~/types/db'

const config = useRuntimeConfig()

export const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: config.databaseUrl, max: 10 }) }) })
