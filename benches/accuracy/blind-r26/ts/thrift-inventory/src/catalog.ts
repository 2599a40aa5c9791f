import { Client, types } from 'cassandra-driver';

export const catalog = new Client({
  contactPoints: (process.env.CASSANDRA_HOSTS ?? '127.0.0.1').split(','),
  localDataCenter: process.env.CASSANDRA_DC ?? 'dc1',
  keyspace: 'inventory',
  pooling: { coreConnectionsPerHost: { [types.distance.local]: 2 } },
});

export async function skuExists(sku: string): Promise<boolean> {
  const rs = await catalog.execute('SELECT sku FROM products WHERE sku = ?', [sku], { prepare: true });
  return rs.rowLength > 0;
}
