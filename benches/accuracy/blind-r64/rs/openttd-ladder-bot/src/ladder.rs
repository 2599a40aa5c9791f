use sqlx::postgres::{PgPool, PgPoolOptions};

/// Seasonal company ladder: weekly economy snapshots, ranked by company value.
pub struct Ladder {
    pool: PgPool,
}

impl Ladder {
    pub async fn connect(url: &str) -> sqlx::Result<Self> {
        let pool = PgPoolOptions::new().max_connections(5).connect(url).await?;
        Ok(Self { pool })
    }

    pub async fn record_economy(&self, company: u8, money: i64, loan: i64, income: i64) -> sqlx::Result<()> {
        sqlx::query(
            "INSERT INTO economy_snapshots (season_id, company, money, loan, income, taken_at) \
             SELECT id, $1, $2, $3, $4, now() FROM seasons WHERE ended_at IS NULL",
        )
        .bind(company as i16)
        .bind(money)
        .bind(loan)
        .bind(income)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    pub async fn rank_of(&self, player: &str) -> sqlx::Result<Option<(i64, i64)>> {
        sqlx::query_as("SELECT rank, money FROM current_ladder WHERE owner_name = $1")
            .bind(player)
            .fetch_optional(&self.pool)
            .await
    }
}
