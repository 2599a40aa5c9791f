use chrono::{DateTime, Utc};
use postgres::{Client, NoTls};

/// Pick-alert queue for the status bar and acknowledgements.
pub struct AlertsRepo {
    client: Client,
}

pub struct PickAlert {
    pub order_id: i64,
    pub raised_at: DateTime<Utc>,
    pub reason: String,
}

impl AlertsRepo {
    pub fn connect(url: &str) -> Result<Self, postgres::Error> {
        let client = Client::connect(url, NoTls)?;
        Ok(Self { client })
    }

    pub fn pending_count(&mut self) -> Result<i64, postgres::Error> {
        let row = self.client.query_one(
            "SELECT count(*) FROM pick_alerts WHERE acknowledged_at IS NULL",
            &[],
        )?;
        Ok(row.get(0))
    }

    pub fn pending(&mut self, order_id: i64) -> Result<Vec<PickAlert>, postgres::Error> {
        let rows = self.client.query(
            "SELECT order_id, raised_at, reason FROM pick_alerts \
             WHERE order_id = $1 AND acknowledged_at IS NULL ORDER BY raised_at",
            &[&order_id],
        )?;
        Ok(rows
            .iter()
            .map(|r| PickAlert { order_id: r.get(0), raised_at: r.get(1), reason: r.get(2) })
            .collect())
    }

    pub fn acknowledge(&mut self, order_id: i64, by: &str) -> Result<u64, postgres::Error> {
        self.client.execute(
            "UPDATE pick_alerts SET acknowledged_at = now(), acknowledged_by = $2 \
             WHERE order_id = $1 AND acknowledged_at IS NULL",
            &[&order_id, &by],
        )
    }
}
