use std::time::Duration;

use anyhow::Context;
use feedhub::db;
use sqlx::PgPool;

struct Source {
    id: i64,
    url: String,
    etag: Option<String>,
}

async fn poll_source(http: &reqwest::Client, pool: &PgPool, src: &Source) -> anyhow::Result<usize> {
    let mut req = http.get(&src.url);
    if let Some(etag) = &src.etag {
        req = req.header(reqwest::header::IF_NONE_MATCH, etag);
    }
    let resp = req.send().await?.error_for_status()?;
    if resp.status() == reqwest::StatusCode::NOT_MODIFIED {
        return Ok(0);
    }
    let etag = resp.headers().get(reqwest::header::ETAG).and_then(|v| v.to_str().ok()).map(str::to_owned);
    let body = resp.bytes().await?;
    let feed = feed_rs::parser::parse(body.as_ref()).with_context(|| format!("parse {}", src.url))?;

    let mut tx = pool.begin().await?;
    let mut inserted = 0;
    for entry in &feed.entries {
        let title = entry.title.as_ref().map(|t| t.content.clone()).unwrap_or_default();
        let link = entry.links.first().map(|l| l.href.clone());
        let res = sqlx::query(
            "INSERT INTO feed_items (source_id, guid, title, link, published_at)
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (source_id, guid) DO NOTHING",
        )
        .bind(src.id)
        .bind(&entry.id)
        .bind(title)
        .bind(link)
        .bind(entry.published.or(entry.updated))
        .execute(&mut *tx)
        .await?;
        inserted += res.rows_affected() as usize;
    }
    sqlx::query("UPDATE feed_sources SET etag = $2, last_polled_at = now() WHERE id = $1")
        .bind(src.id)
        .bind(etag)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(inserted)
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let pool = db::make_pool(5).await?;
    let http = reqwest::Client::builder()
        .user_agent("feedhub/0.8 (+https://example.com/bot)")
        .timeout(Duration::from_secs(20))
        .build()?;

    let mut tick = tokio::time::interval(Duration::from_secs(300));
    loop {
        tokio::select! {
            _ = tick.tick() => {}
            _ = tokio::signal::ctrl_c() => break,
        }
        let sources: Vec<Source> = sqlx::query_as::<_, (i64, String, Option<String>)>(
            "SELECT id, url, etag FROM feed_sources WHERE enabled ORDER BY last_polled_at NULLS FIRST",
        )
        .fetch_all(&pool)
        .await?
        .into_iter()
        .map(|(id, url, etag)| Source { id, url, etag })
        .collect();

        for src in &sources {
            match poll_source(&http, &pool, src).await {
                Ok(n) if n > 0 => println!("{}: {n} new items", src.url),
                Ok(_) => {}
                Err(err) => eprintln!("{}: {err:#}", src.url),
            }
        }
    }
    pool.close().await;
    Ok(())
}
