import mysql from 'mysql2/promise';
import { SNSClient, PublishCommand } from '@aws-sdk/client-sns';

const pool = mysql.createPool({
  uri: process.env.MYSQL_URL ?? 'mysql://ops:ops@127.0.0.1:3306/ops',
  connectionLimit: 100,
  waitForConnections: true,
  enableKeepAlive: true,
});

const sns = new SNSClient({ region: process.env.AWS_REGION ?? 'eu-west-1' });
const ALERT_TOPIC = process.env.ALERT_TOPIC_ARN;
const CRASH_LOOP_THRESHOLD = 5;

export interface ProcessEventPacket {
  event: string;
  process: { name: string; pm_id: number; restart_time: number; exit_code?: number };
  at: number;
}

export async function recordProcessEvent(packet: ProcessEventPacket): Promise<void> {
  const conn = await pool.getConnection();
  await conn.beginTransaction();
  await conn.execute(
    `INSERT INTO pm2_process_events (host_app, pm_id, event, exit_code, restart_count, happened_at)
     VALUES (?, ?, ?, ?, ?, FROM_UNIXTIME(?))`,
    [packet.process.name, packet.process.pm_id, packet.event, packet.process.exit_code ?? null, packet.process.restart_time, Math.floor(packet.at / 1000)],
  );
  const [rows] = await conn.execute<mysql.RowDataPacket[]>(
    `SELECT COUNT(*) AS n FROM pm2_process_events
      WHERE host_app = ? AND event = 'exit' AND happened_at > NOW() - INTERVAL 10 MINUTE`,
    [packet.process.name],
  );
  await conn.commit();
  conn.release();

  const recentExits = Number(rows[0]?.n ?? 0);
  if (packet.event === 'exit' && recentExits >= CRASH_LOOP_THRESHOLD && ALERT_TOPIC) {
    await sns.send(
      new PublishCommand({
        TopicArn: ALERT_TOPIC,
        Subject: `[pm2] ${packet.process.name} is crash-looping`,
        Message: `${packet.process.name} (pm_id ${packet.process.pm_id}) exited ${recentExits} times in 10 minutes.`,
      }),
    );
  }
}
