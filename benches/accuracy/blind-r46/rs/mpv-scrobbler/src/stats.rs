use mysql::prelude::Queryable;
use mysql::{params, Pool};

/// Per-file play counters for the "most played" shelf in the media centre UI.
pub struct Stats {
    pool: Pool,
}

impl Stats {
    pub fn connect() -> anyhow::Result<Self> {
        let pool = Pool::new(std::env::var("MEDIA_DB_URL")?.as_str())?;
        Ok(Self { pool })
    }

    pub fn finished(&self, path: &str) -> anyhow::Result<()> {
        let mut conn = self.pool.get_conn()?;
        conn.exec_drop(
            "INSERT INTO play_counts (path, plays) VALUES (:path, 1)
             ON DUPLICATE KEY UPDATE plays = plays + 1, last_played = NOW()",
            params! { "path" => path },
        )?;
        Ok(())
    }
}
