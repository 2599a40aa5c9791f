//! Audit trail of pages sent, kept in the ops database.

use postgres::{Client, NoTls};

pub struct Audit {
    conn: Client,
}

impl Audit {
    /// Opened once at start-up.
    pub fn open(url: &str) -> Result<Audit, postgres::Error> {
        let mut conn = Client::connect(url, NoTls)?;
        conn.batch_execute(
            "CREATE TABLE IF NOT EXISTS page_audit (at timestamptz DEFAULT now(), team text, summary text, ok bool)",
        )?;
        Ok(Audit { conn })
    }

    pub fn record(&mut self, team: &str, summary: &str, ok: bool) {
        if let Err(e) = self.conn.execute(
            "INSERT INTO page_audit (team, summary, ok) VALUES ($1, $2, $3)",
            &[&team, &summary, &ok],
        ) {
            log::warn!("audit insert failed: {e}");
        }
    }
}
