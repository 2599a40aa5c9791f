import {
  AbstractPowerSyncDatabase,
  CrudEntry,
  PowerSyncBackendConnector,
  PowerSyncCredentials,
  UpdateType,
} from '@powersync/web';
import { createClient, SupabaseClient } from '@supabase/supabase-js';

/** Postgres error classes that will never succeed on retry. */
const FATAL_RESPONSE_CODES = [/^22...$/, /^23...$/, /^42501$/];

/**
 * PowerSync calls fetchCredentials() whenever it needs a (new) token and
 * uploadData() every time there are queued local writes. Both reuse the one
 * Supabase client created in the constructor; the connector itself is
 * created once in db.ts.
 */
export class SupabaseConnector implements PowerSyncBackendConnector {
  readonly client: SupabaseClient;

  constructor() {
    this.client = createClient(import.meta.env.VITE_SUPABASE_URL, import.meta.env.VITE_SUPABASE_ANON_KEY, {
      auth: { persistSession: true, autoRefreshToken: true },
    });
  }

  async fetchCredentials(): Promise<PowerSyncCredentials | null> {
    const {
      data: { session },
      error,
    } = await this.client.auth.getSession();
    if (error) throw error;
    if (!session) return null;

    return {
      endpoint: import.meta.env.VITE_POWERSYNC_URL,
      token: session.access_token,
      expiresAt: session.expires_at ? new Date(session.expires_at * 1000) : undefined,
    };
  }

  async uploadData(database: AbstractPowerSyncDatabase): Promise<void> {
    const transaction = await database.getNextCrudTransaction();
    if (!transaction) return;

    let lastOp: CrudEntry | null = null;
    try {
      for (const op of transaction.crud) {
        lastOp = op;
        const table = this.client.from(op.table);
        let result;
        switch (op.op) {
          case UpdateType.PUT:
            result = await table.upsert({ ...op.opData, id: op.id });
            break;
          case UpdateType.PATCH:
            result = await table.update(op.opData).eq('id', op.id);
            break;
          case UpdateType.DELETE:
            result = await table.delete().eq('id', op.id);
            break;
        }
        if (result?.error) {
          throw Object.assign(new Error(result.error.message), { code: result.error.code });
        }
      }
      await transaction.complete();
    } catch (ex: any) {
      if (typeof ex.code === 'string' && FATAL_RESPONSE_CODES.some((re) => re.test(ex.code))) {
        // Discard the batch so the queue is not blocked forever.
        console.error('Data upload error - discarding', lastOp, ex);
        await transaction.complete();
      } else {
        // Retried by PowerSync with backoff.
        throw ex;
      }
    }
  }
}
