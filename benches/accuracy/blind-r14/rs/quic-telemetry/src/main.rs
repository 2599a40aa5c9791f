mod ingest;
mod state;

use std::path::Path;

use bytes::BytesMut;
use s2n_quic::Server;

use crate::state::AppState;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let state = AppState::init().await?;

    let mut server = Server::builder()
        .with_tls((Path::new("/etc/quic-telemetry/cert.pem"), Path::new("/etc/quic-telemetry/key.pem")))?
        .with_io("0.0.0.0:4433")?
        .start()?;

    tracing::info!("listening on udp/4433");

    while let Some(mut connection) = server.accept().await {
        let state = state.clone();
        tokio::spawn(async move {
            let peer = connection.remote_addr().ok();
            while let Ok(Some(mut stream)) = connection.accept_bidirectional_stream().await {
                let state = state.clone();
                tokio::spawn(async move {
                    let mut buf = BytesMut::new();
                    while let Ok(Some(chunk)) = stream.receive().await {
                        buf.extend_from_slice(&chunk);
                    }
                    let reply = match ingest::handle_batch(&state, &buf).await {
                        Ok(reply) => reply,
                        Err(e) => {
                            tracing::warn!(?peer, error = %e, "batch rejected");
                            bytes::Bytes::from_static(b"{\"error\":\"rejected\"}")
                        }
                    };
                    let _ = stream.send(reply).await;
                    let _ = stream.finish();
                });
            }
        });
    }
    Ok(())
}
