import { createHash, timingSafeEqual } from 'node:crypto';
import type { Aedes, AedesOptions, Client, PublishPacket, Subscription } from 'aedes';
import type pg from 'pg';
import type { Redis } from 'ioredis';

export interface BrokerDeps {
  pool: pg.Pool;
  redis: Redis;
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest();

export function createBrokerHooks({ pool }: BrokerDeps): Partial<AedesOptions> {
  return {
    authenticate: (client, username, password, done) => {
      if (!username || !password) return done(null, false);
      pool
        .query<{ secret_hash: Buffer; tenant_id: string }>(
          'SELECT secret_hash, tenant_id FROM gateways WHERE client_id = $1 AND username = $2 AND enabled',
          [client.id, username],
        )
        .then(({ rows }) => {
          const ok = rows.length === 1 && timingSafeEqual(rows[0].secret_hash, sha256(password));
          if (ok) (client as Client & { tenantId?: string }).tenantId = rows[0].tenant_id;
          done(null, ok);
        })
        .catch((err) => done(err, false));
    },

    authorizePublish: (client, packet, done) => {
      const tenantId = (client as (Client & { tenantId?: string }) | null)?.tenantId;
      if (!tenantId || !packet.topic.startsWith(`t/${tenantId}/`)) {
        return done(new Error('topic not allowed'));
      }
      done(null);
    },

    authorizeSubscribe: (client, sub: Subscription, done) => {
      const tenantId = (client as Client & { tenantId?: string }).tenantId;
      done(null, tenantId && sub.topic.startsWith(`t/${tenantId}/cmd/`) ? sub : null);
    },
  };
}

export function attachPersistence(broker: Aedes, { pool, redis }: BrokerDeps): void {
  broker.on('client', (client) => {
    void redis.hset('gateways:online', client.id, Date.now().toString());
  });
  broker.on('clientDisconnect', (client) => {
    void redis.hdel('gateways:online', client.id);
  });

  broker.on('publish', async (packet: PublishPacket, client: Client | null) => {
    if (!client || !packet.topic.includes('/telemetry/')) return;
    const [, tenantId, , deviceId] = packet.topic.split('/');
    const db = await pool.connect();
    try {
      await db.query('BEGIN');
      await db.query(
        'INSERT INTO telemetry (tenant_id, device_id, gateway_id, payload) VALUES ($1, $2, $3, $4)',
        [tenantId, deviceId, client.id, packet.payload.toString('utf8')],
      );
      await db.query('UPDATE devices SET last_seen = now() WHERE tenant_id = $1 AND id = $2', [tenantId, deviceId]);
      await db.query('COMMIT');
    } catch (err) {
      await db.query('ROLLBACK').catch(() => undefined);
      console.error('telemetry insert failed', err);
    } finally {
      db.release();
    }
  });
}
