//! Worker process (`cargo run --bin worker`): claims queued exports and renders them.
//! Deployed as a separate container from the web binary.

use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};

#[derive(sqlx::FromRow)]
struct Job {
    id: i64,
    account_id: i64,
    format: String,
}

async fn claim_next(pool: &PgPool) -> Result<Option<Job>, sqlx::Error> {
    sqlx::query_as::<_, Job>(
        "UPDATE exports SET status = 'running' WHERE id = ( \
             SELECT id FROM exports WHERE status = 'queued' \
             ORDER BY id FOR UPDATE SKIP LOCKED LIMIT 1) \
         RETURNING id, account_id, format",
    )
    .fetch_optional(pool)
    .await
}

async fn render(http: &reqwest::Client, job: &Job) -> Result<String, reqwest::Error> {
    let renderer = std::env::var("RENDERER_URL").unwrap_or_else(|_| "http://renderer:8080".into());
    http.post(format!("{renderer}/render"))
        .json(&serde_json::json!({ "account_id": job.account_id, "format": job.format }))
        .send()
        .await?
        .error_for_status()?
        .text()
        .await
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let database_url = std::env::var("DATABASE_URL")?;
    let pool = PgPoolOptions::new()
        .max_connections(4)
        .connect(&database_url)
        .await?;
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(120))
        .build()?;

    println!("worker started");
    loop {
        let job = match claim_next(&pool).await {
            Ok(Some(job)) => job,
            Ok(None) => {
                tokio::time::sleep(Duration::from_secs(2)).await;
                continue;
            }
            Err(err) => {
                eprintln!("claim failed: {err}");
                tokio::time::sleep(Duration::from_secs(5)).await;
                continue;
            }
        };

        let (status, location) = match render(&http, &job).await {
            Ok(location) => ("done", Some(location)),
            Err(err) => {
                eprintln!("export {} failed: {err}", job.id);
                ("failed", None)
            }
        };

        sqlx::query("UPDATE exports SET status = $1, location = $2 WHERE id = $3")
            .bind(status)
            .bind(location)
            .bind(job.id)
            .execute(&pool)
            .await?;
    }
}
