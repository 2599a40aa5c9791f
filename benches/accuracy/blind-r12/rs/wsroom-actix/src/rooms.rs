use actix_web::{web, HttpRequest, HttpResponse};
use actix_ws::Message;
use redis::aio::ConnectionManager;
use redis::AsyncCommands;
use tokio::sync::broadcast::error::RecvError;

use crate::{moderation, AppState};

pub async fn join(
    req: HttpRequest,
    body: web::Payload,
    room: web::Path<String>,
    state: web::Data<AppState>,
) -> actix_web::Result<HttpResponse> {
    let (response, mut session, mut msg_stream) = actix_ws::handle(&req, body)?;
    let room = room.into_inner();
    let state = state.into_inner();

    actix_web::rt::spawn(async move {
        // ConnectionManager is a cheap handle onto one multiplexed connection.
        let mut redis = state.redis.clone();
        let mut events = state.fanout.subscribe();

        loop {
            tokio::select! {
                msg = msg_stream.recv() => {
                    let Some(Ok(msg)) = msg else { break };
                    match msg {
                        Message::Text(text) => {
                            if let Err(e) = on_text(&state, &mut redis, &room, &text).await {
                                tracing::warn!(%room, "message dropped: {e}");
                                let _ = session.text(format!("{{\"error\":\"{e}\"}}")).await;
                            }
                        }
                        Message::Ping(bytes) => {
                            if session.pong(&bytes).await.is_err() {
                                break;
                            }
                        }
                        Message::Close(reason) => {
                            let _ = session.close(reason).await;
                            return;
                        }
                        _ => {}
                    }
                }
                event = events.recv() => match event {
                    Ok(ev) if ev.room == room => {
                        if session.text(ev.payload).await.is_err() {
                            break;
                        }
                    }
                    Ok(_) => {}
                    Err(RecvError::Lagged(skipped)) => {
                        tracing::warn!(%room, skipped, "slow consumer");
                    }
                    Err(RecvError::Closed) => break,
                },
            }
        }

        let _ = session.close(None).await;
    });

    Ok(response)
}

async fn on_text(
    state: &AppState,
    redis: &mut ConnectionManager,
    room: &str,
    text: &str,
) -> anyhow::Result<()> {
    if moderation::flagged(text).await? {
        anyhow::bail!("message rejected by moderation");
    }

    let mut tx = state.pg.begin().await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO room_messages (room, body, sent_at) VALUES ($1, $2, now()) RETURNING id",
    )
    .bind(room)
    .bind(text)
    .fetch_one(&mut *tx)
    .await?;
    sqlx::query("UPDATE rooms SET message_count = message_count + 1, last_message_at = now() WHERE name = $1")
        .bind(room)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;

    let payload = serde_json::json!({ "id": id, "room": room, "body": text }).to_string();
    redis.publish::<_, _, ()>(format!("room:{room}"), payload).await?;
    Ok(())
}
