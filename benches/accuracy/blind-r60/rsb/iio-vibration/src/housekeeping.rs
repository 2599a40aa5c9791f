use std::thread;
use std::time::Duration;

use crate::PgPool;

/// Hourly: roll raw RMS rows older than a week into the hourly table and delete them.
pub fn run(pool: &PgPool) {
    loop {
        match pool.get() {
            Ok(mut conn) => {
                let result = conn.batch_execute(
                    "BEGIN;
                     INSERT INTO vibration_hourly (sensor, hour, max_rms)
                       SELECT sensor, date_trunc('hour', measured_at), max(greatest(rms_x, rms_y, rms_z))
                       FROM vibration_rms WHERE measured_at < now() - interval '7 days'
                       GROUP BY 1, 2 ON CONFLICT DO NOTHING;
                     DELETE FROM vibration_rms WHERE measured_at < now() - interval '7 days';
                     COMMIT;",
                );
                if let Err(e) = result {
                    eprintln!("housekeeping failed: {e}");
                }
            }
            Err(e) => eprintln!("housekeeping: no connection: {e}"),
        }
        thread::sleep(Duration::from_secs(3600));
    }
}
