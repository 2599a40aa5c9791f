//! Queries and DTOs used by the board.
use serde::Deserialize;
use sqlx::PgPool;

#[derive(Clone, Debug, Default)]
pub struct Deploy {
    pub service: String,
    pub version: String,
    pub status: String,
    pub age_secs: i64,
}

impl Deploy {
    pub fn age(&self) -> String {
        match self.age_secs {
            s if s < 60 => format!("{s}s"),
            s if s < 3600 => format!("{}m", s / 60),
            s => format!("{}h", s / 3600),
        }
    }
}

pub async fn recent_deploys(pool: &PgPool) -> sqlx::Result<Vec<Deploy>> {
    let rows: Vec<(String, String, String, i64)> = sqlx::query_as(
        "SELECT service, version, status,
                EXTRACT(EPOCH FROM now() - started_at)::bigint
           FROM deploys
          ORDER BY started_at DESC
          LIMIT 20",
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(service, version, status, age_secs)| Deploy { service, version, status, age_secs })
        .collect())
}

#[derive(Debug, Deserialize)]
pub struct StatusSummary {
    pub status: StatusIndicator,
}

#[derive(Debug, Deserialize)]
pub struct StatusIndicator {
    pub indicator: String,
    pub description: String,
}
