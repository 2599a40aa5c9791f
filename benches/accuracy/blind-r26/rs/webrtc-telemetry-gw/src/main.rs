//! Field devices dial in over WebRTC; offers arrive one per line (base64 JSON)
//! on stdin from the signalling sidecar, answers are written to stdout.
mod channel;

use std::sync::Arc;

use base64::{engine::general_purpose::STANDARD, Engine};
use sqlx::postgres::PgPoolOptions;
use tokio::io::{AsyncBufReadExt, BufReader};
use webrtc::api::interceptor_registry::register_default_interceptors;
use webrtc::api::media_engine::MediaEngine;
use webrtc::api::APIBuilder;
use webrtc::data_channel::RTCDataChannel;
use webrtc::ice_transport::ice_server::RTCIceServer;
use webrtc::interceptor::registry::Registry;
use webrtc::peer_connection::configuration::RTCConfiguration;
use webrtc::peer_connection::sdp::session_description::RTCSessionDescription;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let database_url = std::env::var("DATABASE_URL")?;
    let pool = PgPoolOptions::new()
        .max_connections(120)
        .min_connections(20)
        .connect(&database_url)
        .await?;

    let mut media = MediaEngine::default();
    media.register_default_codecs()?;
    let registry = register_default_interceptors(Registry::new(), &mut media)?;
    let api = Arc::new(
        APIBuilder::new()
            .with_media_engine(media)
            .with_interceptor_registry(registry)
            .build(),
    );

    let mut lines = BufReader::new(tokio::io::stdin()).lines();
    while let Some(line) = lines.next_line().await? {
        let decoded = STANDARD.decode(line.trim())?;
        let offer: RTCSessionDescription = serde_json::from_slice(&decoded)?;

        let config = RTCConfiguration {
            ice_servers: vec![RTCIceServer {
                urls: vec!["stun:stun.l.google.com:19302".to_owned()],
                ..Default::default()
            }],
            ..Default::default()
        };
        let peer = Arc::new(api.new_peer_connection(config).await?);

        let dc_pool = pool.clone();
        peer.on_data_channel(Box::new(move |dc: Arc<RTCDataChannel>| {
            let pool = dc_pool.clone();
            Box::pin(async move {
                let device = dc.label().to_owned();
                tracing::info!(%device, "data channel opened");
                channel::attach(dc, pool, device);
            })
        }));

        peer.set_remote_description(offer).await?;
        let answer = peer.create_answer(None).await?;
        let mut gathered = peer.gathering_complete_promise().await;
        peer.set_local_description(answer).await?;
        let _ = gathered.recv().await;

        if let Some(local) = peer.local_description().await {
            println!("{}", STANDARD.encode(serde_json::to_vec(&local)?));
        }
    }
    Ok(())
}
