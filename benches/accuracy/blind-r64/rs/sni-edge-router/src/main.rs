mod audit;
mod route;
mod sni;

use std::net::SocketAddr;
use std::time::Instant;

use tokio::io::copy_bidirectional;
use tokio::net::{TcpListener, TcpStream};
use tracing::{info, warn};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    // Domain table lives in the control-plane MySQL; one pool for the whole process.
    let routes_db = mysql_async::Pool::new(std::env::var("ROUTES_MYSQL_URL")?.as_str());

    let listener = TcpListener::bind("0.0.0.0:443").await?;
    info!("sni edge listening on :443");
    loop {
        let (client, peer) = listener.accept().await?;
        let routes_db = routes_db.clone();
        tokio::spawn(async move {
            if let Err(e) = handle(client, peer, routes_db).await {
                warn!(%peer, error = %e, "connection dropped");
            }
        });
    }
}

async fn handle(mut client: TcpStream, peer: SocketAddr, routes_db: mysql_async::Pool) -> anyhow::Result<()> {
    let started = Instant::now();
    let Some(server_name) = sni::peek_server_name(&client).await? else {
        anyhow::bail!("no SNI in ClientHello");
    };

    let upstream_addr = route::resolve(&server_name, &routes_db).await?;
    let mut upstream = TcpStream::connect(&upstream_addr).await?;

    // The ClientHello is still in the socket buffer (we only peeked), so it is forwarded too.
    let (up, down) = copy_bidirectional(&mut client, &mut upstream).await?;

    audit::post_flow(&server_name, peer, &upstream_addr, up, down, started.elapsed()).await;
    Ok(())
}
