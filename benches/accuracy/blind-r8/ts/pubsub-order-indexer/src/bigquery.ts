import { BigQuery } from '@google-cloud/bigquery';

let client: BigQuery | undefined;

export function bigquery(): BigQuery {
  if (!client) {
    client = new BigQuery({ projectId: process.env.GCP_PROJECT, location: 'EU' });
  }
  return client;
}

export interface OrderEventRow {
  event_id: string;
  order_id: string;
  type: string;
  total_cents: number | null;
  occurred_at: string;
}

export async function streamOrderEvent(row: OrderEventRow): Promise<void> {
  await bigquery()
    .dataset(process.env.BQ_DATASET ?? 'analytics')
    .table('order_events')
    .insert([row], { ignoreUnknownValues: true, raw: false });
}
