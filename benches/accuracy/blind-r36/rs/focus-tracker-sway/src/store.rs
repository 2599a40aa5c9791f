use chrono::NaiveDateTime;
use mysql::prelude::*;
use mysql::{params, Opts, Pool};

pub struct SpanStore {
    pool: Pool,
}

pub fn open() -> anyhow::Result<SpanStore> {
    let url = std::env::var("TIMESHEET_DB_URL")?;
    let pool = Pool::new(Opts::from_url(&url)?)?;
    Ok(SpanStore { pool })
}

impl SpanStore {
    pub fn record(
        &self,
        app: &str,
        title: &str,
        started: NaiveDateTime,
        ended: NaiveDateTime,
    ) -> anyhow::Result<()> {
        let mut conn = self.pool.get_conn()?;
        conn.exec_drop(
            "INSERT INTO focus_spans (app, title, started_at, ended_at) VALUES (:app, :title, :started, :ended)",
            params! {
                "app" => app,
                "title" => title,
                "started" => started,
                "ended" => ended,
            },
        )?;
        Ok(())
    }
}
