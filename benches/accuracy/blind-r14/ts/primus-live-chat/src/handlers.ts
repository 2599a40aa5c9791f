import type Primus from 'primus';
import mysql from 'mysql2/promise';
import { KafkaJS } from '@confluentinc/kafka-javascript';
import { chatPool } from './db';
import { recordPresence } from './presence';

type Frame =
  | { type: 'join'; roomId: string; userId: string }
  | { type: 'message'; roomId: string; userId: string; body: string }
  | { type: 'history'; roomId: string; before: string };

const BROKERS = (process.env.KAFKA_BROKERS ?? 'localhost:9092').split(',');

export function registerSparkHandlers(spark: Primus.Spark): void {
  const producer = new KafkaJS.Kafka({ kafkaJS: { brokers: BROKERS, clientId: `chat-gw-${spark.id}` } }).producer();
  const producerReady = producer.connect();
  let member: { roomId: string; userId: string } | undefined;

  spark.on('data', async (frame: Frame) => {
    try {
      switch (frame.type) {
        case 'join': {
          member = { roomId: frame.roomId, userId: frame.userId };
          await recordPresence(frame.userId, frame.roomId, true);
          spark.write({ type: 'joined', roomId: frame.roomId });
          break;
        }
        case 'message': {
          const [result] = await chatPool.execute<mysql.ResultSetHeader>(
            'INSERT INTO messages (room_id, user_id, body, sent_at) VALUES (:roomId, :userId, :body, NOW())',
            { roomId: frame.roomId, userId: frame.userId, body: frame.body },
          );
          await producerReady;
          await producer.send({
            topic: 'chat.messages',
            messages: [{ key: frame.roomId, value: JSON.stringify({ id: result.insertId, ...frame }) }],
          });
          break;
        }
        case 'history': {
          // Older than 30 days lives in the archive database.
          const archive = await mysql.createConnection({ uri: process.env.ARCHIVE_DATABASE_URL });
          const [rows] = await archive.query(
            'SELECT id, user_id, body, sent_at FROM messages_archive WHERE room_id = ? AND sent_at < ? ORDER BY sent_at DESC LIMIT 50',
            [frame.roomId, frame.before],
          );
          await archive.end();
          spark.write({ type: 'history', roomId: frame.roomId, messages: rows });
          break;
        }
      }
    } catch (err) {
      spark.write({ type: 'error', message: (err as Error).message });
    }
  });

  spark.on('end', () => {
    void producer.disconnect();
    if (member) {
      void recordPresence(member.userId, member.roomId, false);
    }
  });
}
