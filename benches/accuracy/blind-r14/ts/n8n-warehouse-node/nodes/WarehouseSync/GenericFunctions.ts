import Redis from 'ioredis';
import { Pool } from 'pg';

export interface WarehouseCredentials {
	host: string;
	port: number;
	database: string;
	user: string;
	password: string;
	redisHost: string;
	redisPort: number;
}

// One pool per set of credentials, shared by every execution of every workflow
// that uses them (n8n runs all executions in the same process).
const pools = new Map<string, Pool>();

export function poolFor(credentials: WarehouseCredentials): Pool {
	const key = `${credentials.user}@${credentials.host}:${credentials.port}/${credentials.database}`;
	let pool = pools.get(key);
	if (!pool) {
		pool = new Pool({
			host: credentials.host,
			port: credentials.port,
			database: credentials.database,
			user: credentials.user,
			password: credentials.password,
			max: 40,
			idleTimeoutMillis: 30_000,
		});
		pools.set(key, pool);
	}
	return pool;
}

export function getStockCache(credentials: WarehouseCredentials): Redis {
	return new Redis({
		host: credentials.redisHost,
		port: credentials.redisPort,
		keyPrefix: 'stock:',
		maxRetriesPerRequest: 2,
	});
}
