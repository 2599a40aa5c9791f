//! focus-tracker: samples the focused window every 5 s, stores spans in the
//! team database and pushes the day's totals to the timesheet service every
//! 5 minutes. Started at login as a user service.
mod sampler;
mod store;

use std::env;
use std::time::Duration;

use anyhow::Result;
use serde::Serialize;
use sqlx::PgPool;

use sampler::Sampler;

#[derive(Serialize)]
struct Summary<'a> {
    user: &'a str,
    day: String,
    apps: Vec<(String, i64)>,
}

async fn push_summary(http: &reqwest::Client, pool: &PgPool, user: &str, api: &str) -> Result<()> {
    let apps = store::today_totals(pool, user).await?;
    let body = Summary { user, day: chrono::Local::now().format("%Y-%m-%d").to_string(), apps };
    http.put(format!("{api}/v1/timesheets/{user}/focus"))
        .json(&body)
        .send()
        .await?
        .error_for_status()?;
    Ok(())
}

#[tokio::main]
async fn main() -> Result<()> {
    let user = env::var("USER").or_else(|_| env::var("USERNAME")).unwrap_or_else(|_| "unknown".into());
    let database_url = env::var("FOCUS_DATABASE_URL")?;
    let api = env::var("TIMESHEET_API").unwrap_or_else(|_| "https://timesheets.internal.example.com".into());

    let pool = store::connect_with_retry(&database_url, 8).await?;
    let http = reqwest::Client::builder().timeout(Duration::from_secs(15)).build()?;
    let mut sampler = Sampler::new();

    let mut sample_every = tokio::time::interval(Duration::from_secs(5));
    let mut push_every = tokio::time::interval(Duration::from_secs(300));
    loop {
        tokio::select! {
            _ = sample_every.tick() => {
                if let Some(span) = sampler.sample() {
                    if let Err(err) = store::save_span(&pool, &user, &span).await {
                        eprintln!("could not save span: {err:#}");
                    }
                }
            }
            _ = push_every.tick() => {
                if let Err(err) = push_summary(&http, &pool, &user, &api).await {
                    eprintln!("timesheet push failed: {err:#}");
                }
            }
            _ = tokio::signal::ctrl_c() => {
                if let Some(span) = sampler.finish() {
                    let _ = store::save_span(&pool, &user, &span).await;
                }
                break;
            }
        }
    }
    pool.close().await;
    Ok(())
}
