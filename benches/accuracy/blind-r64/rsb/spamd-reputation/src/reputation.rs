//! Sender-domain reputation learned from user "report spam" clicks.

use anyhow::Result;
use mysql_async::prelude::*;
use mysql_async::Pool;

pub struct Reputation {
    pool: Pool,
}

impl Reputation {
    pub async fn connect(url: &str) -> Result<Reputation> {
        let pool = Pool::from_url(url)?;
        Ok(Reputation { pool })
    }

    pub async fn score(&self, sender_domain: &str, hits: &mut Vec<String>) -> Result<f32> {
        let mut conn = self.pool.get_conn().await?;
        let row: Option<(u32, u32)> = "SELECT spam_reports, ham_reports FROM sender_reputation WHERE domain = ?"
            .with((sender_domain,))
            .first(&mut conn)
            .await?;
        let Some((spam, ham)) = row else { return Ok(0.0) };
        let ratio = spam as f32 / (spam + ham + 1) as f32;
        if ratio > 0.5 {
            hits.push("LOCAL_SENDER_REPUTATION_BAD".into());
            return Ok(4.0 * ratio);
        }
        Ok(0.0)
    }
}
