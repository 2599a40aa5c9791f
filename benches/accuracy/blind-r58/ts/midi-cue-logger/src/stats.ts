import pg from 'pg';

// Fader telemetry for the post-show report (levels per channel over time).
const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: 3,
});

const buffer: Array<{ rehearsalId: number; channel: number; controller: number; value: number; at: Date }> = [];
let flushing = false;

export function recordFader(rehearsalId: number, channel: number, controller: number, value: number): void {
  buffer.push({ rehearsalId, channel, controller, value, at: new Date() });
}

export async function flushFaders(): Promise<number> {
  if (flushing || buffer.length === 0) return 0;
  flushing = true;
  const batch = buffer.splice(0, buffer.length);
  try {
    const values: unknown[] = [];
    const tuples = batch.map((row, i) => {
      values.push(row.rehearsalId, row.channel, row.controller, row.value, row.at);
      const b = i * 5;
      return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5})`;
    });
    await pool.query(
      `insert into fader_samples (rehearsal_id, midi_channel, controller, value, sampled_at)
       values ${tuples.join(', ')}`,
      values,
    );
    return batch.length;
  } catch (err) {
    // put them back so the next flush retries
    buffer.unshift(...batch);
    throw err;
  } finally {
    flushing = false;
  }
}

export async function closeStats(): Promise<void> {
  await flushFaders().catch(() => undefined);
  await pool.end();
}
