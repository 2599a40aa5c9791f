use sqlx::postgres::{PgPool, PgPoolOptions};

#[derive(Clone)]
pub struct MatchLog {
    pool: PgPool,
}

impl MatchLog {
    pub async fn connect(url: &str) -> Result<Self, sqlx::Error> {
        let pool = PgPoolOptions::new()
            .max_connections(5)
            .connect(url)
            .await?;
        Ok(Self { pool })
    }

    pub async fn record_state(&self, server: &str, state: &str) -> Result<(), sqlx::Error> {
        sqlx::query("INSERT INTO server_states (server_name, state, seen_at) VALUES ($1, $2, now())")
            .bind(server)
            .bind(state)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    pub async fn open_match(&self) -> Result<i64, sqlx::Error> {
        sqlx::query_scalar("INSERT INTO matches (started_at) VALUES (now()) RETURNING id")
            .fetch_one(&self.pool)
            .await
    }

    pub async fn kill(&self, match_id: i64, killer_addr: &str, victim: &str) -> Result<(), sqlx::Error> {
        sqlx::query("INSERT INTO kills (match_id, killer_addr, victim, at) VALUES ($1, $2, $3, now())")
            .bind(match_id)
            .bind(killer_addr)
            .bind(victim)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    pub async fn close_match(&self, match_id: i64) -> Result<(), sqlx::Error> {
        sqlx::query("UPDATE matches SET ended_at = now() WHERE id = $1")
            .bind(match_id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
