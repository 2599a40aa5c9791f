import { Pool } from 'pg';

// One pool per Appium server process (the module is loaded once when the
// plugin is activated with --use-plugins=command-audit).
export const farmDb = new Pool({
  connectionString: process.env.FARM_DATABASE_URL ?? 'postgres://appium@farm-db.internal:5432/devicefarm',
  max: 6,
  idleTimeoutMillis: 60_000,
});

export async function releaseLease(sessionId: string): Promise<void> {
  await farmDb.query(
    'UPDATE devices SET leased_by = NULL, leased_at = NULL WHERE leased_by = $1',
    [sessionId],
  );
}
