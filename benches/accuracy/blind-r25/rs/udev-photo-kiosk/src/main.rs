//! Watches udev for new block partitions. Every insert of a card or stick
//! triggers one ingest; all clients are created once at start-up.

use std::time::Duration;

use futures_util::StreamExt;
use tokio_udev::{AsyncMonitorSocket, EventType, MonitorBuilder};
use tracing::{info, warn};

mod clients;
mod ingest;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let kiosk_id = std::env::var("KIOSK_ID").unwrap_or_else(|_| "kiosk-000".into());
    let pool = clients::pg_pool().await?;
    let s3 = clients::s3().await;
    let ctx = ingest::Ctx {
        kiosk_id,
        pool,
        s3,
        bucket: std::env::var("PHOTO_BUCKET").unwrap_or_else(|_| "photolab-incoming".into()),
    };

    let monitor = MonitorBuilder::new()?
        .match_subsystem_devtype("block", "partition")?
        .listen()?;
    let mut events = AsyncMonitorSocket::new(monitor)?;
    info!(kiosk = %ctx.kiosk_id, "waiting for media");

    while let Some(event) = events.next().await {
        let event = match event {
            Ok(e) => e,
            Err(e) => {
                warn!(error = %e, "udev monitor error");
                continue;
            }
        };
        if event.event_type() != EventType::Add {
            continue;
        }
        let Some(devnode) = event.devnode().map(|p| p.to_path_buf()) else {
            continue;
        };
        let label = event
            .property_value("ID_FS_LABEL")
            .map(|v| v.to_string_lossy().into_owned())
            .unwrap_or_else(|| "NO_NAME".into());

        // Give udisks a moment to automount the partition.
        tokio::time::sleep(Duration::from_secs(2)).await;
        match ingest::ingest_volume(&ctx, &devnode, &label).await {
            Ok(n) => info!(device = %devnode.display(), files = n, "ingest complete"),
            Err(e) => warn!(device = %devnode.display(), error = %e, "ingest failed"),
        }
    }
    Ok(())
}
