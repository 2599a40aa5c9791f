use sqlx::postgres::{PgPool, PgPoolOptions};

pub struct Roster {
    pool: PgPool,
}

impl Roster {
    pub async fn connect(url: &str) -> Result<Self, sqlx::Error> {
        let pool = PgPoolOptions::new()
            .max_connections(5)
            .connect(url)
            .await?;
        Ok(Self { pool })
    }

    pub async fn add(&self, match_id: i64, player: &str, addr: &str) -> Result<(), sqlx::Error> {
        sqlx::query(
            "INSERT INTO match_players (match_id, player, addr, joined_at) VALUES ($1, $2, $3, now())
             ON CONFLICT (match_id, player) DO UPDATE SET addr = EXCLUDED.addr",
        )
        .bind(match_id)
        .bind(player)
        .bind(addr)
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}
