import pg from 'pg';

export const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: 5,
  idleTimeoutMillis: 60_000,
  application_name: 'midi-cue-logger',
});

pool.on('error', (err) => {
  console.error('[db] idle client error', err.message);
});

export interface Cue {
  id: number;
  production_id: number;
  cue_number: string;
  department: 'LX' | 'SND' | 'FLY' | 'VID';
  pad_note: number;
}

export async function findCueForPad(
  client: pg.PoolClient,
  productionId: number,
  note: number,
): Promise<Cue | undefined> {
  const { rows } = await client.query<Cue>(
    `select id, production_id, cue_number, department, pad_note
       from cues
      where production_id = $1 and pad_note = $2 and active`,
    [productionId, note],
  );
  return rows[0];
}

export async function currentRehearsal(productionId: number): Promise<number> {
  const { rows } = await pool.query<{ id: number }>(
    `select id from rehearsals
      where production_id = $1 and ended_at is null
      order by started_at desc limit 1`,
    [productionId],
  );
  if (!rows[0]) {
    throw new Error(`No open rehearsal for production ${productionId}`);
  }
  return rows[0].id;
}
