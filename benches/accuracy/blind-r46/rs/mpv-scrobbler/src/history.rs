use mysql::prelude::Queryable;
use mysql::{params, Opts, Pool};

/// Listening history (one row per started track).
pub struct History {
    pool: Pool,
}

impl History {
    pub fn connect() -> anyhow::Result<Self> {
        let opts = Opts::from_url(&std::env::var("MEDIA_DB_URL")?)?;
        Ok(Self { pool: Pool::new(opts)? })
    }

    pub fn started(&self, title: &str, path: &str) -> anyhow::Result<()> {
        let mut conn = self.pool.get_conn()?;
        conn.exec_drop(
            "INSERT INTO plays (title, path, started_at) VALUES (:title, :path, NOW())",
            params! { "title" => title, "path" => path },
        )?;
        Ok(())
    }
}
