use std::collections::VecDeque;
use std::sync::Arc;
use std::time::{Duration, Instant};

use rml_rtmp::handshake::{Handshake, HandshakeProcessResult, PeerType};
use rml_rtmp::sessions::{
    ServerSession, ServerSessionConfig, ServerSessionEvent, ServerSessionResult,
};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tracing::{info, warn};

use crate::auth::StreamAuthorizer;
use crate::{thumbs, Ctx};

const THUMB_EVERY: Duration = Duration::from_secs(10);

pub async fn run(mut socket: TcpStream, ctx: Arc<Ctx>) -> anyhow::Result<()> {
    let mut buf = vec![0u8; 8192];

    // RTMP handshake (C0/C1/C2 <-> S0/S1/S2)
    let mut handshake = Handshake::new(PeerType::Server);
    let leftover = loop {
        let n = socket.read(&mut buf).await?;
        if n == 0 {
            return Ok(());
        }
        match handshake.process_bytes(&buf[..n])? {
            HandshakeProcessResult::InProgress { response_bytes } => {
                socket.write_all(&response_bytes).await?;
            }
            HandshakeProcessResult::Completed { response_bytes, remaining_bytes } => {
                socket.write_all(&response_bytes).await?;
                break remaining_bytes;
            }
        }
    };

    let (mut session, initial) = ServerSession::new(ServerSessionConfig::new())?;
    let mut pending: VecDeque<ServerSessionResult> = initial.into();
    pending.extend(session.handle_input(&leftover)?);

    let mut last_thumb: Option<Instant> = None;
    let mut publishing: Option<String> = None;

    loop {
        while let Some(result) = pending.pop_front() {
            match result {
                ServerSessionResult::OutboundResponse(packet) => {
                    socket.write_all(&packet.bytes).await?;
                }
                ServerSessionResult::RaisedEvent(event) => {
                    let follow_up = on_event(&ctx, &mut session, event, &mut last_thumb, &mut publishing).await?;
                    pending.extend(follow_up);
                }
                ServerSessionResult::UnhandleableMessageReceived(_) => {}
            }
        }

        let n = socket.read(&mut buf).await?;
        if n == 0 {
            break;
        }
        pending.extend(session.handle_input(&buf[..n])?);
    }

    if let Some(key) = publishing {
        notify_lifecycle(&ctx, &key, "disconnected").await;
    }
    Ok(())
}

async fn on_event(
    ctx: &Ctx,
    session: &mut ServerSession,
    event: ServerSessionEvent,
    last_thumb: &mut Option<Instant>,
    publishing: &mut Option<String>,
) -> anyhow::Result<Vec<ServerSessionResult>> {
    match event {
        ServerSessionEvent::ConnectionRequested { request_id, app_name } => {
            if app_name != "live" {
                return Ok(session.reject_request(request_id, "NetConnection.Connect.Rejected", "unknown app")?);
            }
            Ok(session.accept_request(request_id)?)
        }
        ServerSessionEvent::PublishStreamRequested { request_id, app_name, stream_key, .. } => {
            let authorizer = StreamAuthorizer::new(&ctx.db_url).await?;
            if authorizer.allows(&app_name, &stream_key).await? {
                info!(%stream_key, "publish accepted");
                *publishing = Some(stream_key.clone());
                notify_lifecycle(ctx, &stream_key, "live").await;
                Ok(session.accept_request(request_id)?)
            } else {
                warn!(%stream_key, "publish rejected: unknown or revoked key");
                Ok(session.reject_request(request_id, "NetStream.Publish.BadName", "invalid stream key")?)
            }
        }
        ServerSessionEvent::VideoDataReceived { stream_key, data, .. } => {
            // FLV video tag: high nibble 1 == keyframe
            let is_keyframe = data.first().map(|b| b >> 4 == 1).unwrap_or(false);
            let due = last_thumb.map(|t| t.elapsed() >= THUMB_EVERY).unwrap_or(true);
            if is_keyframe && due {
                *last_thumb = Some(Instant::now());
                if let Err(e) = thumbs::store_keyframe(&ctx.aws, &ctx.thumbs_bucket, &stream_key, data).await {
                    warn!(%stream_key, error = %e, "thumbnail upload failed");
                }
            }
            Ok(Vec::new())
        }
        ServerSessionEvent::PublishStreamFinished { stream_key, .. } => {
            *publishing = None;
            notify_lifecycle(ctx, &stream_key, "ended").await;
            Ok(Vec::new())
        }
        _ => Ok(Vec::new()),
    }
}

async fn notify_lifecycle(ctx: &Ctx, stream_key: &str, state: &str) {
    let body = serde_json::json!({ "stream_key": stream_key, "state": state });
    if let Err(e) = ctx.http.post(&ctx.lifecycle_webhook).json(&body).send().await {
        warn!(error = %e, "lifecycle webhook failed");
    }
}
