use std::sync::Arc;

use futures::StreamExt;
use retina::client::{Credentials, PlayOptions, Session, SessionGroup, SessionOptions, SetupOptions};
use retina::codec::CodecItem;
use sqlx::PgPool;

pub struct Sinks {
    pub pool: PgPool,
    pub s3: aws_sdk_s3::Client,
    pub bucket: String,
}

pub struct Camera {
    pub name: String,
    pub url: url::Url,
    pub creds: Option<Credentials>,
}

async fn record_motion(sinks: &Sinks, cam: &str, keyframe: Vec<u8>, score: f64) -> anyhow::Result<()> {
    let key = format!("{cam}/{}.h264", chrono_key());
    sinks
        .s3
        .put_object()
        .bucket(&sinks.bucket)
        .key(&key)
        .body(keyframe.into())
        .content_type("video/h264")
        .send()
        .await?;

    let mut tx = sinks.pool.begin().await?;
    sqlx::query("INSERT INTO dock_motion (camera, s3_key, score, seen_at) VALUES ($1, $2, $3, now())")
        .bind(cam)
        .bind(&key)
        .bind(score)
        .execute(&mut *tx)
        .await?;
    sqlx::query("UPDATE cameras SET last_motion_at = now() WHERE name = $1")
        .bind(cam)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

fn chrono_key() -> String {
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    format!("{}-{:03}", now.as_secs(), now.subsec_millis())
}

/// Streams until the camera drops the session; the caller reconnects the RTSP side.
pub async fn run_once(cam: &Camera, group: Arc<SessionGroup>, sinks: &Sinks) -> anyhow::Result<()> {
    let mut session = Session::describe(
        cam.url.clone(),
        SessionOptions::default()
            .creds(cam.creds.clone())
            .session_group(group)
            .user_agent("retina-motion-cam".to_owned()),
    )
    .await?;
    let video = session
        .streams()
        .iter()
        .position(|s| s.media() == "video" && s.encoding_name() == "h264")
        .ok_or_else(|| anyhow::anyhow!("{}: no H.264 stream", cam.name))?;
    session.setup(video, SetupOptions::default()).await?;
    let mut frames = session.play(PlayOptions::default()).await?.demuxed()?;

    let mut avg = 0.0f64;
    let mut last_keyframe: Vec<u8> = Vec::new();
    let mut cooldown = 0u32;
    while let Some(item) = frames.next().await {
        let CodecItem::VideoFrame(frame) = item? else { continue };
        let size = frame.data().len() as f64;
        if frame.is_random_access_point() {
            last_keyframe = frame.into_data();
            continue;
        }
        avg = if avg == 0.0 { size } else { avg * 0.98 + size * 0.02 };
        cooldown = cooldown.saturating_sub(1);
        let score = size / avg.max(1.0);
        if score > 4.0 && cooldown == 0 && !last_keyframe.is_empty() {
            cooldown = 150; // ~10 s at 15 fps
            if let Err(e) = record_motion(sinks, &cam.name, last_keyframe.clone(), score).await {
                tracing::warn!(camera = %cam.name, error = %e, "motion event not stored");
            }
        }
    }
    Ok(())
}
