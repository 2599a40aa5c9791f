mod routing;

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::Duration;

use aws_sdk_s3::primitives::ByteStream;
use futures_util::StreamExt;
use inotify::{Inotify, WatchMask};
use redis::AsyncCommands;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();
    let spool = PathBuf::from(std::env::var("SPOOL_DIR").unwrap_or_else(|_| "/srv/spool/incoming".into()));

    let aws = aws_config::load_from_env().await;
    let default_s3 = aws_sdk_s3::Client::new(&aws);
    // Buckets in other regions get a client of their own, built the first
    // time that region is seen and reused for every later file.
    let mut regional: HashMap<String, aws_sdk_s3::Client> = HashMap::new();

    let redis_client = redis::Client::open(std::env::var("REDIS_URL")?)?;
    let mut attempt = 0u32;
    let mut progress = loop {
        match redis_client.get_connection_manager().await {
            Ok(manager) => break manager,
            Err(e) if attempt < 10 => {
                attempt += 1;
                tracing::warn!(attempt, "redis not ready: {e}");
                tokio::time::sleep(Duration::from_secs(2u64.pow(attempt.min(5)))).await;
            }
            Err(e) => return Err(e.into()),
        }
    };

    let inotify = Inotify::init()?;
    inotify.watches().add(&spool, WatchMask::CLOSE_WRITE | WatchMask::MOVED_TO)?;
    let mut events = inotify.into_event_stream([0u8; 4096])?;
    tracing::info!(dir = %spool.display(), "watching for uploads");

    while let Some(event) = events.next().await {
        let event = event?;
        let Some(name) = event.name else { continue };
        let name = name.to_string_lossy().into_owned();
        if name.starts_with('.') || name.ends_with(".part") {
            continue;
        }

        let route = routing::route_for(&name);
        let s3: &aws_sdk_s3::Client = match route.region.as_deref() {
            None => &default_s3,
            Some(region) => regional.entry(region.to_string()).or_insert_with(|| {
                let conf = aws_sdk_s3::config::Builder::from(&aws)
                    .region(aws_sdk_s3::config::Region::new(region.to_string()))
                    .build();
                aws_sdk_s3::Client::from_conf(conf)
            }),
        };

        let path = spool.join(&name);
        let body = match ByteStream::from_path(&path).await {
            Ok(b) => b,
            Err(e) => {
                tracing::error!(file = %name, "cannot read: {e}");
                continue;
            }
        };
        match s3.put_object().bucket(&route.bucket).key(&route.key).body(body).send().await {
            Ok(_) => {
                let _: () = progress.hset("uploads:done", &name, &route.key).await?;
                tokio::fs::remove_file(&path).await?;
            }
            Err(e) => {
                tracing::error!(file = %name, bucket = %route.bucket, "upload failed: {e}");
                let _: () = progress.hincr("uploads:failed", &name, 1).await?;
            }
        }
    }
    Ok(())
}
