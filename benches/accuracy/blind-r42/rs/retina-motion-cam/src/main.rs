use std::sync::Arc;
use std::time::Duration;

use retina::client::{Credentials, SessionGroup};

mod clients;
mod watch;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt().init();

    let sinks = Arc::new(watch::Sinks {
        pool: clients::events_pool().await?,
        s3: clients::s3().await,
        bucket: std::env::var("EVIDENCE_BUCKET").unwrap_or_else(|_| "dock-evidence".into()),
    });

    let creds = match (std::env::var("CAM_USER"), std::env::var("CAM_PASS")) {
        (Ok(username), Ok(password)) => Some(Credentials { username, password }),
        _ => None,
    };
    let cameras: Vec<watch::Camera> = std::env::var("CAMERAS")?
        .split(',')
        .filter_map(|spec| {
            let (name, url) = spec.split_once('=')?;
            Some(watch::Camera { name: name.to_string(), url: url.parse().ok()?, creds: creds.clone() })
        })
        .collect();

    let group = Arc::new(SessionGroup::default());
    let mut tasks = tokio::task::JoinSet::new();
    for cam in cameras {
        let sinks = Arc::clone(&sinks);
        let group = Arc::clone(&group);
        tasks.spawn(async move {
            loop {
                if let Err(e) = watch::run_once(&cam, Arc::clone(&group), &sinks).await {
                    tracing::warn!(camera = %cam.name, error = %e, "rtsp session ended");
                }
                tokio::time::sleep(Duration::from_secs(5)).await;
            }
        });
    }
    while tasks.join_next().await.is_some() {}
    Ok(())
}
