import { InjectionToken } from 'graphql-modules'
import type { Pool } from 'pg'
import type { Redis } from 'ioredis'

export const PG_POOL = new InjectionToken<Pool>('pg-pool')
export const REDIS = new InjectionToken<Redis>('redis')
