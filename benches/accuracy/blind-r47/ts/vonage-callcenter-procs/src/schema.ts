import { integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core'

export const callEvents = pgTable('call_events', {
  id: serial('id').primaryKey(),
  callUuid: text('call_uuid').notNull(),
  status: text('status').notNull(),
  fromNumber: text('from_number'),
  toNumber: text('to_number'),
  durationSec: integer('duration_sec'),
  receivedAt: timestamp('received_at').defaultNow().notNull(),
})

export const recordings = pgTable('recordings', {
  id: serial('id').primaryKey(),
  callUuid: text('call_uuid').notNull(),
  recordingUrl: text('recording_url').notNull(),
  state: text('state').notNull().default('pending'),
  s3Key: text('s3_key'),
  attempts: integer('attempts').notNull().default(0),
  createdAt: timestamp('created_at').defaultNow().notNull(),
})
