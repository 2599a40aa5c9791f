import type { Float, ID } from 'grats';
import { pool } from './db.js';
import { telematicsClient } from './telemetry/gateway.js';
import { odometerKm } from './telemetry/pg.js';

/** @gqlContext */
export type Ctx = {
  depotId: string | null;
};

/** @gqlType */
export class Vehicle {
  /** @gqlField */
  id: ID;
  /** @gqlField */
  plate: string;
  /** @gqlField */
  model: string;
  depotId: string;

  constructor(row: { id: string; plate: string; model: string; depot_id: string }) {
    this.id = row.id;
    this.plate = row.plate;
    this.model = row.model;
    this.depotId = row.depot_id;
  }
}

/** @gqlType */
export type Ping = {
  /** @gqlField */
  latitude: Float;
  /** @gqlField */
  longitude: Float;
  /** @gqlField */
  receivedAt: string;
};

/** @gqlQueryField */
export async function vehicles(ctx: Ctx): Promise<Vehicle[]> {
  const { rows } = await pool.query(
    `SELECT id, plate, model, depot_id FROM vehicles
      WHERE ($1::text IS NULL OR depot_id = $1)
      ORDER BY plate`,
    [ctx.depotId],
  );
  return rows.map((r) => new Vehicle(r));
}

/** @gqlQueryField */
export async function vehicle(id: ID): Promise<Vehicle | null> {
  const { rows } = await pool.query('SELECT id, plate, model, depot_id FROM vehicles WHERE id = $1', [id]);
  return rows[0] ? new Vehicle(rows[0]) : null;
}

/**
 * Last GPS ping reported by the telematics box.
 * @gqlField
 */
export async function lastPing(vehicle: Vehicle): Promise<Ping | null> {
  const gateway = telematicsClient();
  const { statusCode, body } = await gateway.request({
    method: 'GET',
    path: `/v2/units/${encodeURIComponent(vehicle.id)}/last-position`,
  });
  if (statusCode === 404) {
    await body.dump();
    return null;
  }
  const p = (await body.json()) as { lat: number; lon: number; ts: string };
  return { latitude: p.lat, longitude: p.lon, receivedAt: p.ts };
}

/** @gqlField */
export async function odometer(vehicle: Vehicle): Promise<Float> {
  return odometerKm(vehicle.id);
}
