mod db;
mod session;

use std::time::Duration;

use tokio_vsock::{VsockAddr, VsockListener, VMADDR_CID_ANY};

const METERING_PORT: u32 = 7070;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let pool = db::make_pool(&std::env::var("DATABASE_URL")?).await?;
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(5))
        .build()?;
    let billing_url = std::env::var("BILLING_URL")?;

    let mut listener = VsockListener::bind(VsockAddr::new(VMADDR_CID_ANY, METERING_PORT))?;
    tracing::info!(port = METERING_PORT, "waiting for guests");

    loop {
        let (stream, addr) = listener.accept().await?;
        let session = session::GuestSession {
            cid: addr.cid(),
            pool: pool.clone(),
            http: http.clone(),
            billing_url: billing_url.clone(),
        };
        tokio::spawn(async move {
            if let Err(e) = session.run(stream).await {
                tracing::warn!(cid = addr.cid(), "guest session ended: {e:#}");
            }
        });
    }
}
