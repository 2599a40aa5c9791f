//! Application state for the storefront.
//!
//! Tuono calls `main()` once when the server boots and clones the returned
//! state into every handler.

use std::env;
use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};

#[derive(Clone)]
pub struct ApplicationState {
    /// Main catalogue / orders database.
    pub db: PgPool,
    /// Shared HTTP client for the payments and recommendation services.
    pub fetch: reqwest::Client,
    pub recommender_url: String,
}

fn database_url() -> String {
    env::var("DATABASE_URL").unwrap_or_else(|_| "postgres://shop:shop@localhost:5432/shop".into())
}

pub fn main() -> ApplicationState {
    let db = PgPoolOptions::new()
        .max_connections(10)
        .acquire_timeout(Duration::from_secs(3))
        .connect_lazy(&database_url())
        .expect("DATABASE_URL must be a valid postgres url");

    let fetch = reqwest::Client::builder()
        .timeout(Duration::from_secs(5))
        .user_agent("tuono-storefront/0.1")
        .build()
        .expect("reqwest client");

    let recommender_url =
        env::var("RECOMMENDER_URL").unwrap_or_else(|_| "http://recommender.internal:8080".into());

    ApplicationState {
        db,
        fetch,
        recommender_url,
    }
}
