import { Pool } from 'undici';

// Thin client for the internal payments service.
export function paymentsHttp(): Pool {
  return new Pool(process.env.PAYMENTS_ORIGIN ?? 'http://payments.internal:8080', {
    connections: 4,
    keepAliveTimeout: 30_000,
  });
}
