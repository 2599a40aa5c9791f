//! Roster of squadron commanders: last login, ship, credits.
use anyhow::Result;
use serde_json::Value;
use sqlx::postgres::{PgPool, PgPoolOptions};

pub struct Commanders {
    pool: PgPool,
}

impl Commanders {
    pub async fn connect(url: &str) -> Result<Commanders> {
        let pool = PgPoolOptions::new()
            .max_connections(2)
            .connect(url)
            .await?;
        Ok(Commanders { pool })
    }

    /// Called on LoadGame (once per game session) and Commander events.
    pub async fn seen(&self, cmdr: &str, event: &Value) -> Result<()> {
        let ship = event["Ship"].as_str();
        let credits = event["Credits"].as_i64();
        let fid = event["FID"].as_str();
        sqlx::query(
            "INSERT INTO commanders (name, fid, ship, credits, last_seen)
             VALUES ($1, $2, $3, $4, now())
             ON CONFLICT (name) DO UPDATE
                SET fid = COALESCE(EXCLUDED.fid, commanders.fid),
                    ship = COALESCE(EXCLUDED.ship, commanders.ship),
                    credits = COALESCE(EXCLUDED.credits, commanders.credits),
                    last_seen = now()",
        )
        .bind(cmdr)
        .bind(fid)
        .bind(ship)
        .bind(credits)
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}
