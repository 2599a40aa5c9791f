use std::env;
use std::thread;
use std::time::Duration;

use anyhow::Result;
use gilrs::{Button, Event, EventType, Gilrs};
use serde_json::json;
use sqlx::postgres::{PgPool, PgPoolOptions};
use tokio::runtime::Runtime;

struct Cabinet {
    pool: PgPool,
    http: reqwest::Client,
    leaderboard_url: String,
    cabinet_id: String,
}

impl Cabinet {
    async fn credit_inserted(&self, player: usize) -> Result<()> {
        let mut conn = self.pool.acquire().await?;
        sqlx::query("INSERT INTO credits (cabinet_id, player_slot) VALUES ($1, $2)")
            .bind(&self.cabinet_id)
            .bind(player as i32)
            .execute(&mut *conn)
            .await?;
        Ok(())
    }

    async fn game_over(&self, player: usize, score: i64) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        let best: Option<i64> = sqlx::query_scalar(
            "SELECT max(score) FROM scores WHERE cabinet_id = $1",
        )
        .bind(&self.cabinet_id)
        .fetch_one(&mut *tx)
        .await?;
        sqlx::query("INSERT INTO scores (cabinet_id, player_slot, score) VALUES ($1, $2, $3)")
            .bind(&self.cabinet_id)
            .bind(player as i32)
            .bind(score)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;

        if best.map_or(true, |b| score > b) {
            self.http
                .post(&self.leaderboard_url)
                .json(&json!({ "cabinet": self.cabinet_id, "score": score }))
                .send()
                .await?
                .error_for_status()?;
        }
        Ok(())
    }
}

fn main() -> Result<()> {
    let rt = Runtime::new()?;
    let cabinet = rt.block_on(async {
        let pool = PgPoolOptions::new()
            .max_connections(3)
            .acquire_timeout(Duration::from_secs(5))
            .connect(&env::var("DATABASE_URL")?)
            .await?;
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(4))
            .build()?;
        anyhow::Ok(Cabinet {
            pool,
            http,
            leaderboard_url: env::var("LEADERBOARD_URL")?,
            cabinet_id: env::var("CABINET_ID").unwrap_or_else(|_| "cab-01".into()),
        })
    })?;

    let mut gilrs = Gilrs::new().map_err(|e| anyhow::anyhow!("gilrs: {e}"))?;
    let mut scores = [0i64; 4];

    loop {
        while let Some(Event { id, event, .. }) = gilrs.next_event() {
            let slot = usize::from(id) % 4;
            let result = match event {
                EventType::ButtonPressed(Button::Select, _) => rt.block_on(cabinet.credit_inserted(slot)),
                EventType::ButtonPressed(Button::South, _) => {
                    scores[slot] += 10;
                    Ok(())
                }
                EventType::ButtonPressed(Button::Start, _) => {
                    let score = std::mem::take(&mut scores[slot]);
                    rt.block_on(cabinet.game_over(slot, score))
                }
                _ => Ok(()),
            };
            if let Err(e) = result {
                eprintln!("slot {slot}: {e:#}");
            }
        }
        thread::sleep(Duration::from_millis(8));
    }
}
