import type { IncomingMessage, OutgoingMessage } from 'coap';
import type { Pool } from 'pg';
import type Redis from 'ioredis';
import { decode } from 'cbor-x';

interface Reading {
  moisture: number;
  tempC: number;
  battery: number;
}

export interface Deps {
  pool: Pool;
  redis: Redis;
}

const READING_PATH = /^\/sensors\/([a-z0-9-]{4,40})\/reading$/;
const LATEST_PATH = /^\/sensors\/([a-z0-9-]{4,40})\/latest$/;

export function makeHandler({ pool, redis }: Deps) {
  async function storeReading(sensorId: string, r: Reading): Promise<void> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        'INSERT INTO readings (sensor_id, at, moisture, temp_c, battery) VALUES ($1, now(), $2, $3, $4)',
        [sensorId, r.moisture, r.tempC, r.battery],
      );
      await client.query('UPDATE sensors SET last_seen = now() WHERE id = $1', [sensorId]);
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK');
      throw err;
    } finally {
      client.release();
    }
    await redis.hset(`sensor:${sensorId}`, { moisture: r.moisture, tempC: r.tempC, battery: r.battery, at: Date.now() });
  }

  // invoked by the coap server for every incoming request
  return async function handle(req: IncomingMessage, res: OutgoingMessage): Promise<void> {
    const url = req.url.split('?')[0];
    try {
      let m = READING_PATH.exec(url);
      if (m && req.method === 'POST') {
        const reading = decode(req.payload) as Reading;
        await storeReading(m[1], reading);
        res.code = '2.04';
        res.end();
        return;
      }
      m = LATEST_PATH.exec(url);
      if (m && req.method === 'GET') {
        const latest = await redis.hgetall(`sensor:${m[1]}`);
        res.code = Object.keys(latest).length ? '2.05' : '4.04';
        res.setOption('Content-Format', 'application/json');
        res.end(JSON.stringify(latest));
        return;
      }
      res.code = '4.04';
      res.end();
    } catch (err) {
      console.error('coap request failed', url, err);
      res.code = '5.00';
      res.end();
    }
  };
}
