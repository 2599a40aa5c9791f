import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { saveBatch, type EnrichedEvent } from './db';
import { lookupCountry } from './geo';

export interface KinesisRecord {
  data: string;
  sequenceNumber: string;
  partitionKey: string;
}

interface RawEvent {
  eventId: string;
  sessionId: string;
  type: 'page_view' | 'click' | 'add_to_cart';
  path: string;
  ip: string;
  ts: number;
}

const SESSIONS_TABLE = process.env.SESSIONS_TABLE ?? 'web-sessions';

function decode(record: KinesisRecord): RawEvent | null {
  try {
    return JSON.parse(Buffer.from(record.data, 'base64').toString('utf8')) as RawEvent;
  } catch {
    return null;
  }
}

export async function enrichBatch(records: KinesisRecord[]): Promise<string> {
  const events = records.map(decode).filter((e): e is RawEvent => e !== null);
  const lastSequence = records[records.length - 1].sequenceNumber;
  if (events.length === 0) return lastSequence;

  const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({ region: process.env.AWS_REGION ?? 'eu-west-1' }));

  const sessionIds = [...new Set(events.map((e) => e.sessionId))].slice(0, 100);
  const { Responses } = await ddb.send(
    new BatchGetCommand({
      RequestItems: {
        [SESSIONS_TABLE]: {
          Keys: sessionIds.map((id) => ({ sessionId: id })),
          ProjectionExpression: 'sessionId, customerId, channel',
        },
      },
    }),
  );
  const sessions = new Map(
    (Responses?.[SESSIONS_TABLE] ?? []).map((s) => [s.sessionId as string, s as { customerId?: string; channel?: string }]),
  );

  const enriched: EnrichedEvent[] = [];
  for (const e of events) {
    const session = sessions.get(e.sessionId);
    enriched.push({
      eventId: e.eventId,
      sessionId: e.sessionId,
      customerId: session?.customerId ?? null,
      channel: session?.channel ?? 'direct',
      type: e.type,
      path: e.path,
      country: await lookupCountry(e.ip),
      occurredAt: new Date(e.ts),
    });
  }

  await saveBatch(enriched);
  return lastSequence;
}
