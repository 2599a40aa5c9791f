import { WebSocketServer, WebSocket } from 'ws';
import mysql from 'mysql2/promise';
import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
import { parseMessage } from './protocol.js';

const DEVICE_PORT = Number(process.env.DEVICE_PORT ?? 8081);
const DASHBOARD_PORT = Number(process.env.DASHBOARD_PORT ?? 8082);

const devices = new WebSocketServer({ port: DEVICE_PORT, maxPayload: 4 * 1024 * 1024 });
const dashboards = new WebSocketServer({ port: DASHBOARD_PORT });

function broadcast(payload: unknown) {
  const data = JSON.stringify(payload);
  for (const client of dashboards.clients) {
    if (client.readyState === WebSocket.OPEN) client.send(data);
  }
}

devices.on('connection', (socket, req) => {
  const deviceId = new URL(req.url ?? '/', 'http://localhost').searchParams.get('device') ?? 'unknown';
  const db = mysql.createPool({
    uri: process.env.MYSQL_URL,
    connectionLimit: 4,
    enableKeepAlive: true,
  });

  socket.on('message', async (raw) => {
    const msg = parseMessage(raw);
    if (!msg) return;
    switch (msg.type) {
      case 'ping':
        socket.send(JSON.stringify({ type: 'pong' }));
        return;
      case 'reading':
        await db.execute('INSERT INTO readings (device_id, metric, value, ts) VALUES (?, ?, ?, FROM_UNIXTIME(?))', [
          msg.deviceId,
          msg.metric,
          msg.value,
          Math.floor(msg.ts / 1000),
        ]);
        broadcast({ deviceId: msg.deviceId, metric: msg.metric, value: msg.value, ts: msg.ts });
        return;
      case 'snapshot': {
        const s3 = new S3Client({ region: process.env.AWS_REGION ?? 'eu-west-1' });
        const key = `snapshots/${msg.deviceId}/${msg.ts}.jpg`;
        await s3.send(
          new PutObjectCommand({
            Bucket: process.env.SNAPSHOT_BUCKET,
            Key: key,
            Body: Buffer.from(msg.payloadBase64, 'base64'),
            ContentType: 'image/jpeg',
          }),
        );
        await db.execute('UPDATE devices SET last_snapshot_key = ? WHERE id = ?', [key, msg.deviceId]);
        return;
      }
    }
  });

  socket.on('close', () => {
    void db.end();
    broadcast({ deviceId, status: 'offline' });
  });
});

console.log(`devices on :${DEVICE_PORT}, dashboards on :${DASHBOARD_PORT}`);
