import type { Message } from 'node-rdkafka';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { pool, auditPool } from '../db';

interface ShipmentEvent {
  shipmentId: string;
  tenantId: string;
  type: 'created' | 'picked_up' | 'in_transit' | 'delivered' | 'exception';
  at: string;
  location?: { lat: number; lon: number };
  carrier: string;
}

export async function handleShipmentEvent(message: Message): Promise<void> {
  if (!message.value) return;
  const event = JSON.parse(message.value.toString('utf8')) as ShipmentEvent;

  await projectToPostgres(event);
  await updateTrackingCache(event);

  if (event.type === 'exception') {
    const audit = auditPool();
    await audit.query(
      'INSERT INTO shipment_exceptions (shipment_id, tenant_id, carrier, at) VALUES ($1, $2, $3, $4)',
      [event.shipmentId, event.tenantId, event.carrier, event.at],
    );
  }
}

async function projectToPostgres(event: ShipmentEvent) {
  const client = await pool.connect();
  await client.query('BEGIN');
  await client.query(
    `INSERT INTO shipments (id, tenant_id, carrier, status, updated_at)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, updated_at = EXCLUDED.updated_at
     WHERE shipments.updated_at < EXCLUDED.updated_at`,
    [event.shipmentId, event.tenantId, event.carrier, event.type, event.at],
  );
  await client.query(
    'INSERT INTO shipment_history (shipment_id, status, at, lat, lon) VALUES ($1, $2, $3, $4, $5)',
    [event.shipmentId, event.type, event.at, event.location?.lat ?? null, event.location?.lon ?? null],
  );
  await client.query('COMMIT');
  client.release();
}

async function updateTrackingCache(event: ShipmentEvent) {
  const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({ region: process.env.AWS_REGION }));
  await ddb.send(
    new UpdateCommand({
      TableName: process.env.TRACKING_TABLE ?? 'shipment-tracking',
      Key: { pk: `${event.tenantId}#${event.shipmentId}` },
      UpdateExpression: 'SET #s = :s, updatedAt = :t',
      ConditionExpression: 'attribute_not_exists(updatedAt) OR updatedAt < :t',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':s': event.type, ':t': event.at },
    }),
  );
}
