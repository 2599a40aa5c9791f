import { Env } from '@adonisjs/core/env'

export default await Env.create(new URL('../', import.meta.url), {
  NODE_ENV: Env.schema.enum(['development', 'production', 'test'] as const),
  PORT: Env.schema.number(),
  HOST: Env.schema.string({ format: 'host' }),
  APP_KEY: Env.schema.string(),
  ELASTIC_URL: Env.schema.string(),
  ELASTIC_API_KEY: Env.schema.string(),
  WAREHOUSE_URL: Env.schema.string(),
})
