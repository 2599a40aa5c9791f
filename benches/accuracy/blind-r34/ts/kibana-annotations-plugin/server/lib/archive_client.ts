import { Client } from '@elastic/elasticsearch';

// The long-term archive lives on a separate (cold) cluster that Kibana
// itself is not connected to.
export function getArchiveClient(): Client {
  return new Client({
    node: process.env.ARCHIVE_ES_URL ?? 'https://archive-es.internal:9200',
    auth: { apiKey: process.env.ARCHIVE_ES_API_KEY ?? '' },
    maxRetries: 2,
    requestTimeout: 15_000,
  });
}
