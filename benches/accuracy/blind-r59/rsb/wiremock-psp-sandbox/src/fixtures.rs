//! Test cards managed by QA in the sandbox database (decline codes, 3DS, ...).

use std::collections::HashMap;

use sqlx::postgres::{PgPool, PgPoolOptions};
use sqlx::Row;

#[derive(Clone, Debug)]
pub struct CardFixture {
    pub outcome: String,
    pub decline_code: Option<String>,
    pub delay_ms: u64,
}

pub struct FixtureStore {
    pool: PgPool,
    cards: HashMap<String, CardFixture>,
}

impl FixtureStore {
    pub async fn connect() -> anyhow::Result<Self> {
        let pool = PgPoolOptions::new()
            .max_connections(3)
            .connect(&std::env::var("SANDBOX_DATABASE_URL")?)
            .await?;
        let mut store = FixtureStore { pool, cards: HashMap::new() };
        store.reload().await?;
        Ok(store)
    }

    pub async fn reload(&mut self) -> anyhow::Result<()> {
        let rows = sqlx::query("SELECT card_number, outcome, decline_code, delay_ms FROM psp_card_fixtures")
            .fetch_all(&self.pool)
            .await?;
        self.cards = rows
            .into_iter()
            .map(|r| {
                let fixture = CardFixture {
                    outcome: r.get("outcome"),
                    decline_code: r.get("decline_code"),
                    delay_ms: r.get::<i32, _>("delay_ms") as u64,
                };
                (r.get::<String, _>("card_number"), fixture)
            })
            .collect();
        Ok(())
    }

    pub fn lookup(&self, card_number: &str) -> Option<&CardFixture> {
        self.cards.get(card_number)
    }

    pub fn len(&self) -> usize {
        self.cards.len()
    }
}
