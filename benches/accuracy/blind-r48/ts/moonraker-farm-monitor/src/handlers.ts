import type pg from 'pg';

export interface StatusUpdate {
  extruder?: { temperature?: number; target?: number };
  heater_bed?: { temperature?: number; target?: number };
  print_stats?: { state?: string; filename?: string };
}

export interface HistoryChange {
  action: 'added' | 'finished';
  job: {
    job_id: string;
    filename: string;
    status: string;
    total_duration: number;
    filament_used: number;
    end_time: number | null;
  };
}

export function makeHandlers(pool: pg.Pool, printerId: string) {
  let lastSample = 0;
  const temps = { extruder: 0, bed: 0 };

  async function onStatusUpdate(update: StatusUpdate): Promise<void> {
    if (update.extruder?.temperature !== undefined) temps.extruder = update.extruder.temperature;
    if (update.heater_bed?.temperature !== undefined) temps.bed = update.heater_bed.temperature;

    if (update.print_stats?.state) {
      await pool.query(
        `UPDATE printers SET state = $1, current_file = $2, updated_at = now() WHERE id = $3`,
        [update.print_stats.state, update.print_stats.filename ?? null, printerId],
      );
    }

    const now = Date.now();
    if (now - lastSample < 10_000) return;
    lastSample = now;
    await pool.query(
      `INSERT INTO printer_temps (printer_id, extruder_c, bed_c, sampled_at) VALUES ($1, $2, $3, now())`,
      [printerId, temps.extruder, temps.bed],
    );
  }

  async function onHistoryChanged(change: HistoryChange): Promise<void> {
    if (change.action !== 'finished') return;
    const job = change.job;
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO print_jobs (printer_id, job_id, filename, status, duration_s, filament_mm, ended_at)
         VALUES ($1, $2, $3, $4, $5, $6, to_timestamp($7))
         ON CONFLICT (printer_id, job_id) DO NOTHING`,
        [printerId, job.job_id, job.filename, job.status, job.total_duration, job.filament_used, job.end_time],
      );
      await client.query(
        `UPDATE printers SET jobs_completed = jobs_completed + CASE WHEN $2 = 'completed' THEN 1 ELSE 0 END
          WHERE id = $1`,
        [printerId, job.status],
      );
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  return { onStatusUpdate, onHistoryChanged };
}
