use sqlx::postgres::{PgPool, PgPoolOptions};

/// Club-internal practice ratings, kept next to the ledger tables.
pub struct RatingStore {
    pool: PgPool,
}

const K: f64 = 24.0;

impl RatingStore {
    pub async fn connect(database_url: &str) -> anyhow::Result<Self> {
        let pool = PgPoolOptions::new()
            .max_connections(4)
            .connect(database_url)
            .await?;
        Ok(Self { pool })
    }

    pub async fn rating(&self, lichess_id: &str) -> anyhow::Result<f64> {
        let row: Option<(f64,)> =
            sqlx::query_as("SELECT rating FROM practice_ratings WHERE lichess_id = $1")
                .bind(lichess_id)
                .fetch_optional(&self.pool)
                .await?;
        Ok(row.map(|r| r.0).unwrap_or(1200.0))
    }

    /// score: 1.0 member won, 0.5 draw, 0.0 member lost (against the bot).
    pub async fn apply(&self, lichess_id: &str, bot_rating: f64, score: f64) -> anyhow::Result<f64> {
        let current = self.rating(lichess_id).await?;
        let expected = 1.0 / (1.0 + 10f64.powf((bot_rating - current) / 400.0));
        let updated = current + K * (score - expected);
        sqlx::query(
            "INSERT INTO practice_ratings (lichess_id, rating, games) VALUES ($1, $2, 1)
             ON CONFLICT (lichess_id) DO UPDATE SET rating = $2, games = practice_ratings.games + 1",
        )
        .bind(lichess_id)
        .bind(updated)
        .execute(&self.pool)
        .await?;
        Ok(updated)
    }
}
