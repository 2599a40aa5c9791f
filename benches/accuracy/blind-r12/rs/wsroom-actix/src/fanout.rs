use futures_util::StreamExt;
use redis::aio::PubSub;
use tokio::sync::broadcast;

#[derive(Clone, Debug)]
pub struct RoomEvent {
    pub room: String,
    pub payload: String,
}

/// Forwards every `room:*` message from Redis into the in-process channel.
pub async fn run(mut pubsub: PubSub, tx: broadcast::Sender<RoomEvent>) {
    let mut messages = pubsub.on_message();
    while let Some(msg) = messages.next().await {
        let room = msg
            .get_channel_name()
            .trim_start_matches("room:")
            .to_string();
        let payload: String = match msg.get_payload() {
            Ok(p) => p,
            Err(e) => {
                tracing::warn!("bad payload on {room}: {e}");
                continue;
            }
        };
        // No receivers is fine: nobody is connected to this node right now.
        let _ = tx.send(RoomEvent { room, payload });
    }
    tracing::error!("redis pub/sub stream ended; exiting so the supervisor restarts us");
    std::process::exit(1);
}
