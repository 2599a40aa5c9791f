use std::env;
use std::io::Cursor;
use std::sync::LazyLock;
use std::time::Duration;

use anyhow::Result;
use celery::prelude::*;
use sqlx::postgres::{PgPool, PgPoolOptions};
use tokio::sync::OnceCell;

static DB: OnceCell<PgPool> = OnceCell::const_new();
static HTTP: LazyLock<reqwest::Client> = LazyLock::new(|| {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(20))
        .build()
        .expect("reqwest client")
});

fn db() -> &'static PgPool {
    DB.get().expect("database pool initialised in main")
}

#[celery::task(max_retries = 3)]
async fn render_thumbnail(asset_id: i64, width: u32) -> TaskResult<()> {
    let source: String = sqlx::query_scalar("SELECT source_url FROM assets WHERE id = $1")
        .bind(asset_id)
        .fetch_one(db())
        .await
        .with_unexpected_err(|| "asset lookup")?;

    let bytes = HTTP
        .get(&source)
        .send()
        .await
        .with_expected_err(|| "download")?
        .bytes()
        .await
        .with_expected_err(|| "download body")?;

    let img = image::load_from_memory(&bytes).with_unexpected_err(|| "decode")?;
    let thumb = img.thumbnail(width, width);
    let mut out = Cursor::new(Vec::new());
    thumb
        .write_to(&mut out, image::ImageFormat::WebP)
        .with_unexpected_err(|| "encode")?;

    sqlx::query(
        "INSERT INTO thumbnails (asset_id, width, data) VALUES ($1, $2, $3) \
         ON CONFLICT (asset_id, width) DO UPDATE SET data = EXCLUDED.data",
    )
    .bind(asset_id)
    .bind(width as i32)
    .bind(out.into_inner())
    .execute(db())
    .await
    .with_unexpected_err(|| "store thumbnail")?;
    Ok(())
}

#[celery::task]
async fn purge_asset(asset_id: i64) -> TaskResult<u64> {
    let mut tx = db().begin().await.with_unexpected_err(|| "begin")?;
    sqlx::query("DELETE FROM thumbnails WHERE asset_id = $1")
        .bind(asset_id)
        .execute(&mut *tx)
        .await
        .with_unexpected_err(|| "delete thumbnails")?;
    let n = sqlx::query("DELETE FROM assets WHERE id = $1")
        .bind(asset_id)
        .execute(&mut *tx)
        .await
        .with_unexpected_err(|| "delete asset")?
        .rows_affected();
    tx.commit().await.with_unexpected_err(|| "commit")?;
    Ok(n)
}

#[tokio::main]
async fn main() -> Result<()> {
    let pool = PgPoolOptions::new()
        .max_connections(10)
        .connect(&env::var("DATABASE_URL")?)
        .await?;
    DB.set(pool).expect("DB set once");

    let app = celery::app!(
        broker = AMQPBroker { env::var("AMQP_ADDR").unwrap_or_else(|_| "amqp://127.0.0.1:5672//".into()) },
        tasks = [render_thumbnail, purge_asset],
        task_routes = ["*" => "thumbs"],
        prefetch_count = 8,
    )
    .await?;

    app.consume_from(&["thumbs"]).await?;
    app.close().await?;
    db().close().await;
    Ok(())
}
