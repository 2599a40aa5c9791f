use mysql::prelude::*;
use mysql::{Pool, PooledConn};

/// Writes finished transcripts into the CRM's voicemail table.
pub struct TranscriptStore {
    pool: Pool,
    conn: PooledConn,
}

impl TranscriptStore {
    pub fn open(crm_db_url: &str) -> mysql::Result<Self> {
        let pool = Pool::new(crm_db_url)?;
        // Keep one connection for the writer so every save skips the checkout.
        let conn = pool.get_conn()?;
        Ok(Self { pool, conn })
    }

    pub fn save(
        &mut self,
        mailbox: &str,
        msg_id: &str,
        caller_id: &str,
        orig_time: i64,
        text: &str,
    ) -> mysql::Result<()> {
        self.conn.exec_drop(
            "INSERT INTO voicemail_transcript (mailbox, msg_id, caller_id, left_at, body)
             VALUES (?, ?, ?, FROM_UNIXTIME(?), ?)
             ON DUPLICATE KEY UPDATE body = VALUES(body)",
            (mailbox, msg_id, caller_id, orig_time, text),
        )
    }

    /// Nightly housekeeping uses a separate short-lived checkout.
    pub fn purge_older_than_days(&self, days: u32) -> mysql::Result<()> {
        let mut c = self.pool.get_conn()?;
        c.exec_drop(
            "DELETE FROM voicemail_transcript WHERE left_at < NOW() - INTERVAL ? DAY",
            (days,),
        )
    }
}
