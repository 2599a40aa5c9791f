import { Client } from '@elastic/elasticsearch';

export function buildSearchClient(): Client {
  return new Client({
    node: process.env.ELASTICSEARCH_URL ?? 'http://localhost:9200',
    auth: { apiKey: process.env.ELASTICSEARCH_API_KEY ?? '' },
  });
}

export async function indexNote(client: Client, id: string, data: { title?: string; body?: string }) {
  await client.index({
    index: 'notes',
    id,
    document: { title: data.title ?? '', body: data.body ?? '', updatedAt: new Date().toISOString() },
  });
}
