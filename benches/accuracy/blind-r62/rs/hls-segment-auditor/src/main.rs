mod db;

use std::time::Duration;

use anyhow::Context;
use serde::Deserialize;
use sqlx::PgPool;
use tokio::time::sleep;
use tracing::{info, warn};

#[derive(Debug, Clone, Deserialize)]
struct StreamCfg {
    name: String,
    url: String,
}

#[derive(Debug, Deserialize)]
struct Config {
    stream: Vec<StreamCfg>,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
        .init();

    let raw = std::fs::read_to_string("streams.toml").context("reading streams.toml")?;
    let cfg: Config = toml::from_str(&raw)?;
    let database_url = std::env::var("DATABASE_URL").context("DATABASE_URL")?;
    let pool = db::connect(&database_url).await?;

    for stream in cfg.stream {
        let pool = pool.clone();
        tokio::spawn(async move {
            if let Err(err) = watch_stream(pool, stream.clone()).await {
                warn!(stream = %stream.name, "watcher stopped: {err:#}");
            }
        });
    }

    tokio::signal::ctrl_c().await?;
    info!("shutting down");
    pool.close().await;
    Ok(())
}

async fn watch_stream(pool: PgPool, stream: StreamCfg) -> anyhow::Result<()> {
    let mut conn = pool.acquire().await?;
    let mut last_seq: Option<u64> = None;

    loop {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(5))
            .user_agent("hls-segment-auditor/0.4")
            .build()?;
        let body = match http.get(&stream.url).send().await {
            Ok(resp) => resp.error_for_status()?.bytes().await?,
            Err(err) => {
                warn!(stream = %stream.name, "playlist fetch failed: {err}");
                sleep(Duration::from_secs(2)).await;
                continue;
            }
        };

        let playlist = match m3u8_rs::parse_media_playlist_res(&body) {
            Ok(pl) => pl,
            Err(_) => {
                warn!(stream = %stream.name, "unparseable media playlist");
                sleep(Duration::from_secs(2)).await;
                continue;
            }
        };

        let first_seq = playlist.media_sequence;
        if let Some(prev) = last_seq {
            if first_seq > prev + 1 {
                db::record_gap(&pool, &stream.name, (prev + 1) as i64, first_seq as i64).await?;
            }
        }

        for (i, seg) in playlist.segments.iter().enumerate() {
            let seq = first_seq + i as u64;
            if matches!(last_seq, Some(prev) if seq <= prev) {
                continue;
            }
            let pdt = seg
                .program_date_time
                .map(|t| t.with_timezone(&chrono::Utc));
            sqlx::query(
                "INSERT INTO hls_segments (stream, seq, uri, duration_s, discontinuity, program_date_time) \
                 VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (stream, seq) DO NOTHING",
            )
            .bind(&stream.name)
            .bind(seq as i64)
            .bind(&seg.uri)
            .bind(seg.duration as f64)
            .bind(seg.discontinuity)
            .bind(pdt)
            .execute(&mut *conn)
            .await?;
            last_seq = Some(seq);
        }

        if playlist.end_list {
            info!(stream = %stream.name, "playlist ended (EXT-X-ENDLIST)");
            return Ok(());
        }

        let half_target = (playlist.target_duration as f64 / 2.0).max(1.0);
        sleep(Duration::from_secs_f64(half_target)).await;
    }
}
