import mongoose, { Connection, Model, Schema } from 'mongoose';

export interface EventDoc {
  type: string;
  userId: string;
  at: Date;
}

export interface DailyRollupDoc {
  day: string;
  type: string;
  count: number;
  uniqueUsers: number;
}

const eventSchema = new Schema<EventDoc>({ type: String, userId: String, at: { type: Date, index: true } });
const rollupSchema = new Schema<DailyRollupDoc>({ day: String, type: String, count: Number, uniqueUsers: Number });
rollupSchema.index({ day: 1, type: 1 }, { unique: true });

interface TenantHandle {
  conn: Connection;
  Event: Model<EventDoc>;
  DailyRollup: Model<DailyRollupDoc>;
}

// One connection per tenant database, created the first time a tenant is seen
// and reused for every later job of that tenant.
const handles = new Map<string, TenantHandle>();

export function tenantHandle(tenantId: string): TenantHandle {
  let handle = handles.get(tenantId);
  if (!handle) {
    const conn = mongoose.createConnection(process.env.TENANT_MONGO_URL ?? 'mongodb://localhost:27017', {
      dbName: `tenant_${tenantId}`,
      maxPoolSize: 5,
    });
    handle = {
      conn,
      Event: conn.model<EventDoc>('Event', eventSchema),
      DailyRollup: conn.model<DailyRollupDoc>('DailyRollup', rollupSchema),
    };
    handles.set(tenantId, handle);
  }
  return handle;
}

export async function closeAllTenants(): Promise<void> {
  await Promise.all([...handles.values()].map((h) => h.conn.close()));
  handles.clear();
}
