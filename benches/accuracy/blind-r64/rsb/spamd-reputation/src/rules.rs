//! Header regex rules maintained by the postmasters in the mail_admin DB.

use anyhow::Result;
use mysql_async::prelude::*;
use mysql_async::Pool;
use regex::Regex;

pub struct Rules {
    pool: Pool,
    compiled: Vec<(String, Regex, f32)>,
}

impl Rules {
    pub async fn load(url: &str) -> Result<Rules> {
        let pool = Pool::from_url(url)?;
        let mut conn = pool.get_conn().await?;
        let rows: Vec<(String, String, f32)> = conn
            .query("SELECT name, header_regex, score FROM spam_rules WHERE enabled = 1")
            .await?;
        drop(conn);
        let compiled = rows
            .into_iter()
            .filter_map(|(name, re, score)| Regex::new(&re).ok().map(|re| (name, re, score)))
            .collect();
        Ok(Rules { pool, compiled })
    }

    pub fn score(&self, headers: &str, hits: &mut Vec<String>) -> f32 {
        let mut total = 0.0;
        for (name, re, score) in &self.compiled {
            if re.is_match(headers) {
                total += score;
                hits.push(name.clone());
            }
        }
        total
    }

    pub async fn count_hits(&self, hits: &[String]) -> Result<()> {
        if hits.is_empty() {
            return Ok(());
        }
        let mut conn = self.pool.get_conn().await?;
        "UPDATE spam_rules SET hits = hits + 1 WHERE name = ?"
            .with(hits.iter().map(|h| (h.as_str(),)))
            .batch(&mut conn)
            .await?;
        Ok(())
    }
}
