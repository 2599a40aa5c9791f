import type { Pool } from 'pg';

export interface DeviceRow {
  deviceId: number;
  address: string;
  siteId: string;
}

export function makeRegistry(pool: Pool) {
  return {
    async upsertDevice(deviceId: number, address: string, vendorId: number): Promise<DeviceRow | null> {
      const { rows } = await pool.query<DeviceRow>(
        `INSERT INTO bacnet_devices (device_id, address, vendor_id, last_seen)
         VALUES ($1, $2, $3, now())
         ON CONFLICT (device_id) DO UPDATE SET address = EXCLUDED.address, last_seen = now()
         RETURNING device_id AS "deviceId", address, site_id AS "siteId"`,
        [deviceId, address, vendorId],
      );
      return rows[0] ?? null;
    },
  };
}

export type Registry = ReturnType<typeof makeRegistry>;
