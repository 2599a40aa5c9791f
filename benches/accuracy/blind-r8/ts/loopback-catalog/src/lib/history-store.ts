import {Client, types} from 'cassandra-driver';

export function connectHistoryStore(): Client {
  return new Client({
    contactPoints: (process.env.CASSANDRA_HOSTS ?? '127.0.0.1').split(','),
    localDataCenter: process.env.CASSANDRA_DC ?? 'datacenter1',
    keyspace: 'catalog_history',
    queryOptions: {consistency: types.consistencies.localQuorum, prepare: true},
  });
}

export interface PricePoint {
  sku: string;
  day: string;
  priceCents: number;
}
