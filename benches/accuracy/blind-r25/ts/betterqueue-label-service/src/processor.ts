import type { Pool } from 'pg';
import type { Pool as HttpPool } from 'undici';

export interface LabelJob {
  parcelId: number;
  service: 'standard' | 'express';
}

export interface LabelResult {
  parcelId: number;
  trackingNo: string;
  labelUrl: string;
}

export interface ProcessorDeps {
  pool: Pool;
  carrier: HttpPool;
}

async function buyLabel(job: LabelJob, deps: ProcessorDeps): Promise<LabelResult> {
  const client = await deps.pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query(
      `SELECT p.id, p.weight_grams, a.country, a.postcode, a.line1, a.city, a.name
         FROM parcels p JOIN addresses a ON a.id = p.address_id
        WHERE p.id = $1 AND p.label_status = 'pending'
        FOR UPDATE OF p`,
      [job.parcelId],
    );
    if (rows.length === 0) {
      throw new Error(`parcel ${job.parcelId} is not pending`);
    }
    const parcel = rows[0];

    const { statusCode, body } = await deps.carrier.request({
      method: 'POST',
      path: '/v2/shipments',
      headers: { 'content-type': 'application/json', 'x-api-key': process.env.CARRIER_API_KEY ?? '' },
      body: JSON.stringify({
        service: job.service,
        weight_grams: parcel.weight_grams,
        recipient: {
          name: parcel.name,
          line1: parcel.line1,
          city: parcel.city,
          postcode: parcel.postcode,
          country: parcel.country,
        },
      }),
    });
    const payload = (await body.json()) as { tracking_number: string; label_url: string; error?: string };
    if (statusCode >= 400) {
      throw new Error(`carrier rejected parcel ${job.parcelId}: ${payload.error ?? statusCode}`);
    }

    await client.query(
      `UPDATE parcels SET label_status = 'bought', tracking_no = $2, label_url = $3 WHERE id = $1`,
      [job.parcelId, payload.tracking_number, payload.label_url],
    );
    await client.query('COMMIT');
    return { parcelId: job.parcelId, trackingNo: payload.tracking_number, labelUrl: payload.label_url };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

// better-queue calls the returned function once per queued job.
export function makeProcessor(deps: ProcessorDeps) {
  return (job: LabelJob, cb: (err: Error | null, result?: LabelResult) => void): void => {
    buyLabel(job, deps).then(
      (result) => cb(null, result),
      (err: Error) => cb(err),
    );
  };
}
