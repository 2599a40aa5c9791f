//! Files donation notices. One Sink is built in main and owned by the single
//! consumer task; every update from the Veilid callback is processed here.

use serde::{Deserialize, Serialize};
use sqlx::postgres::{PgPool, PgPoolOptions};
use std::time::Duration;

#[derive(Debug, Deserialize, Serialize)]
pub struct Donation {
    pub pantry: String,
    pub item: String,
    pub quantity: i32,
    pub best_before: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct PantrySummary {
    pub pantry: String,
    pub open_items: i64,
}

pub struct Sink {
    pool: PgPool,
    http: reqwest::Client,
    dispatch_webhook: String,
}

impl Sink {
    pub async fn connect(database_url: &str, dispatch_webhook: String) -> anyhow::Result<Self> {
        let pool = PgPoolOptions::new()
            .max_connections(4)
            .acquire_timeout(Duration::from_secs(5))
            .connect(database_url)
            .await?;
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(10))
            .build()?;
        Ok(Self { pool, http, dispatch_webhook })
    }

    pub async fn file(&self, donation: &Donation) -> anyhow::Result<()> {
        sqlx::query(
            "INSERT INTO donations (pantry, item, quantity, best_before) \
             VALUES ($1, $2, $3, $4::date)",
        )
        .bind(&donation.pantry)
        .bind(&donation.item)
        .bind(donation.quantity)
        .bind(donation.best_before.as_deref())
        .execute(&self.pool)
        .await?;

        self.http
            .post(&self.dispatch_webhook)
            .json(donation)
            .send()
            .await?
            .error_for_status()?;
        Ok(())
    }

    pub async fn summary(&self, pantry: &str) -> anyhow::Result<PantrySummary> {
        let (open_items,): (i64,) = sqlx::query_as(
            "SELECT count(*) FROM donations WHERE pantry = $1 AND picked_up_at IS NULL",
        )
        .bind(pantry)
        .fetch_one(&self.pool)
        .await?;
        Ok(PantrySummary { pantry: pantry.to_owned(), open_items })
    }

    pub async fn close(self) {
        self.pool.close().await;
    }
}
