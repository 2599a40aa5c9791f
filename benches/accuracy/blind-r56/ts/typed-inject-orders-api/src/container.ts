import pg from 'pg';
import { Pool as HttpPool } from 'undici';
import { createInjector, Scope, tokens } from 'typed-inject';
import { OrderRepository } from './orders.js';

export interface AppConfig {
  databaseUrl: string;
  shippingOrigin: string;
  shippingToken: string;
}

export function loadConfig(): AppConfig {
  return {
    databaseUrl: process.env.DATABASE_URL ?? 'postgres://orders@localhost:5432/orders',
    shippingOrigin: process.env.SHIPPING_ORIGIN ?? 'https://api.shipping.example.com',
    shippingToken: process.env.SHIPPING_TOKEN ?? '',
  };
}

// Singleton-scoped factories: typed-inject calls each one at most once for the root
// injector and caches the instance; request injectors created from it share it.
export function createDbPool(config: AppConfig): pg.Pool {
  const pool = new pg.Pool({ connectionString: config.databaseUrl, max: 10, idleTimeoutMillis: 30_000 });
  pool.on('error', (err) => console.error('pg idle client error', err));
  return pool;
}
createDbPool.inject = tokens('config');

export function createShippingPool(config: AppConfig): HttpPool {
  return new HttpPool(config.shippingOrigin, { connections: 16, keepAliveTimeout: 20_000 });
}
createShippingPool.inject = tokens('config');

export const appInjector = createInjector()
  .provideValue('config', loadConfig())
  .provideFactory('db', createDbPool, Scope.Singleton)
  .provideFactory('shipping', createShippingPool, Scope.Singleton)
  .provideClass('orders', OrderRepository, Scope.Singleton);

export type AppInjector = typeof appInjector;

export async function shutdownContainer(): Promise<void> {
  await Promise.allSettled([appInjector.resolve('db').end(), appInjector.resolve('shipping').close()]);
  await appInjector.dispose();
}
