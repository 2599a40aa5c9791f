import { Pool } from 'pg';

export interface ShipmentRow {
  order_id: string;
  carrier: string;
  tracking_no: string | null;
  shipped_at: Date | null;
}

// Read replica of the warehouse management system.
export function openWarehouse(): Pool {
  return new Pool({
    connectionString: process.env.WMS_REPLICA_URL,
    max: 4,
    statement_timeout: 5_000,
  });
}
