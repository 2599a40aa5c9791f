use mysql::prelude::*;
use mysql::Pool;

/// Flags voicemails that mention escalation phrases ("cancel my contract",
/// "lawyer", ...) so a supervisor calls back the same day.
pub struct Alerts {
    pool: Pool,
    phrases: Vec<String>,
}

impl Alerts {
    pub fn load(crm_db_url: &str) -> mysql::Result<Self> {
        let pool = Pool::new(crm_db_url)?;
        let mut conn = pool.get_conn()?;
        let phrases: Vec<String> =
            conn.query("SELECT LOWER(phrase) FROM vm_alert_phrase WHERE active = 1")?;
        Ok(Self { pool, phrases })
    }

    pub fn check(&self, mailbox: &str, msg_id: &str, text: &str) -> mysql::Result<usize> {
        let lower = text.to_lowercase();
        let hits: Vec<&String> = self.phrases.iter().filter(|p| lower.contains(p.as_str())).collect();
        if hits.is_empty() {
            return Ok(0);
        }
        let mut conn = self.pool.get_conn()?;
        for phrase in &hits {
            conn.exec_drop(
                "INSERT INTO vm_alert (mailbox, msg_id, phrase, raised_at) VALUES (?, ?, ?, NOW())",
                (mailbox, msg_id, phrase.as_str()),
            )?;
        }
        Ok(hits.len())
    }
}
