//! Visit history, used for the "recently visited by the team" panel.

use sqlx::pool::PoolConnection;
use sqlx::postgres::PgPoolOptions;
use sqlx::{PgPool, Postgres};
use tokio::sync::Mutex;

/// Visits arrive in bursts while the user browses; keep one connection
/// around instead of going through the pool for each of them.
static VISIT_CONN: Mutex<Option<PoolConnection<Postgres>>> = Mutex::const_new(None);

pub struct HistoryStore {
    pool: PgPool,
}

impl HistoryStore {
    pub async fn connect(url: &str) -> sqlx::Result<Self> {
        let pool = PgPoolOptions::new().max_connections(100).connect(url).await?;
        Ok(Self { pool })
    }

    pub async fn record(&self, team: &str, user: &str, url: &str) -> sqlx::Result<()> {
        let mut slot = VISIT_CONN.lock().await;
        if slot.is_none() {
            *slot = Some(self.pool.acquire().await?);
        }
        let conn = slot.as_mut().expect("visit connection");
        sqlx::query("INSERT INTO visits (team, username, url, visited_at) VALUES ($1, $2, $3, now())")
            .bind(team)
            .bind(user)
            .bind(url)
            .execute(&mut **conn)
            .await?;
        Ok(())
    }

    pub async fn recent(&self, team: &str) -> sqlx::Result<Vec<(String, String)>> {
        sqlx::query_as(
            "SELECT username, url FROM visits WHERE team = $1 ORDER BY visited_at DESC LIMIT 25",
        )
        .bind(team)
        .fetch_all(&self.pool)
        .await
    }
}
