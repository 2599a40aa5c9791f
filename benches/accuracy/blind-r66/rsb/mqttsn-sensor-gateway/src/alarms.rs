//! Cold-chain thresholds per room: a reading outside the band opens an alarm
//! for the duty manager's dashboard.
use deadpool_postgres::{Config, Pool, Runtime};
use tokio_postgres::NoTls;

pub struct Alarms {
    pool: Pool,
}

impl Alarms {
    pub fn connect(url: &str) -> anyhow::Result<Alarms> {
        let mut cfg = Config::new();
        cfg.url = Some(url.to_string());
        let pool = cfg.create_pool(Some(Runtime::Tokio1), NoTls)?;
        Ok(Alarms { pool })
    }

    pub async fn check(&self, client_id: &str, topic: &str, value: f64) -> anyhow::Result<()> {
        let client = self.pool.get().await?;
        let band = client
            .query_opt(
                "SELECT t.min_value, t.max_value FROM threshold t
                   JOIN mote m ON m.room_id = t.room_id
                  WHERE m.client_id = $1 AND t.topic = $2",
                &[&client_id, &topic],
            )
            .await?;
        let Some(row) = band else { return Ok(()) };
        let (min, max): (f64, f64) = (row.get(0), row.get(1));
        if value < min || value > max {
            client
                .execute(
                    "INSERT INTO alarm_event (client_id, topic, value, opened_at)
                     SELECT $1, $2, $3, now()
                      WHERE NOT EXISTS (SELECT 1 FROM alarm_event
                                         WHERE client_id = $1 AND topic = $2 AND closed_at IS NULL)",
                    &[&client_id, &topic, &value],
                )
                .await?;
        }
        Ok(())
    }
}
