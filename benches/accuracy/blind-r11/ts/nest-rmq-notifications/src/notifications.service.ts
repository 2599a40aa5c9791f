import { Inject, Injectable } from '@nestjs/common';
import { ClientProxy } from '@nestjs/microservices';
import { Pool } from 'pg';
import { MongoClient } from 'mongodb';
import axios from 'axios';
import { MONGO, PG_POOL } from './db/tokens';

export interface SignupEvent {
  userId: string;
  email: string;
  locale: string;
  referrer?: string;
}

@Injectable()
export class NotificationsService {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(MONGO) private readonly mongo: MongoClient,
    @Inject('EMAIL_SERVICE') private readonly email: ClientProxy,
  ) {}

  async welcome(evt: SignupEvent): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('INSERT INTO notification_prefs (user_id, locale) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
        evt.userId,
        evt.locale,
      ]);
      await client.query(
        "INSERT INTO notifications (user_id, kind, created_at) VALUES ($1, 'welcome', now())",
        [evt.userId],
      );
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK');
      throw err;
    } finally {
      client.release();
    }

    await this.mongo
      .db('notifications')
      .collection('timeline')
      .insertOne({ userId: evt.userId, kind: 'welcome', at: new Date() });

    this.email.emit('email.send', { to: evt.email, template: 'welcome', locale: evt.locale });

    if (evt.referrer && process.env.REFERRAL_WEBHOOK_URL) {
      await axios.post(process.env.REFERRAL_WEBHOOK_URL, { referrer: evt.referrer, userId: evt.userId }, { timeout: 5000 });
    }
  }

  async unreadCount(userId: string): Promise<number> {
    const { rows } = await this.pool.query<{ n: string }>(
      'SELECT count(*) AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL',
      [userId],
    );
    return Number(rows[0].n);
  }
}
