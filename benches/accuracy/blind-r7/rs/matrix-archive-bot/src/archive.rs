use matrix_sdk::event_handler::Ctx;
use matrix_sdk::ruma::events::room::message::{
    MessageType, OriginalSyncRoomMessageEvent, RoomMessageEventContent,
};
use matrix_sdk::{Room, RoomState};

use crate::{search, BotCtx};

/// Called by the sync loop for every m.room.message in every joined room.
pub async fn on_room_message(event: OriginalSyncRoomMessageEvent, room: Room, Ctx(ctx): Ctx<BotCtx>) {
    if room.state() != RoomState::Joined {
        return;
    }
    let MessageType::Text(text) = &event.content.msgtype else {
        return;
    };
    let body = text.body.trim().to_string();

    let result = match body.as_str() {
        "!import start" => start_import(&ctx, &room).await,
        "!import end" => finish_import(&ctx, &room).await,
        _ => store(&ctx, &room, &event, &body).await,
    };
    if let Err(e) = result {
        tracing::warn!(room = %room.room_id(), error = %e, "failed to archive message");
    }
}

async fn start_import(ctx: &BotCtx, room: &Room) -> anyhow::Result<()> {
    let tx = ctx.db.begin().await?;
    ctx.imports.lock().await.insert(room.room_id().to_owned(), tx);
    room.send(RoomMessageEventContent::text_plain(
        "Import started. Paste the history, then send `!import end`.",
    ))
    .await?;
    Ok(())
}

async fn finish_import(ctx: &BotCtx, room: &Room) -> anyhow::Result<()> {
    if let Some(tx) = ctx.imports.lock().await.remove(room.room_id()) {
        tx.commit().await?;
        room.send(RoomMessageEventContent::text_plain("Import committed."))
            .await?;
    }
    Ok(())
}

async fn store(
    ctx: &BotCtx,
    room: &Room,
    event: &OriginalSyncRoomMessageEvent,
    body: &str,
) -> anyhow::Result<()> {
    let sql = "INSERT INTO messages (event_id, room_id, sender, body, ts) VALUES (?, ?, ?, ?, ?)";
    let ts = i64::from(event.origin_server_ts.0);
    {
        let mut imports = ctx.imports.lock().await;
        let query = sqlx::query(sql)
            .bind(event.event_id.as_str())
            .bind(room.room_id().as_str())
            .bind(event.sender.as_str())
            .bind(body)
            .bind(ts);
        match imports.get_mut(room.room_id()) {
            Some(tx) => query.execute(&mut **tx).await?,
            None => query.execute(&ctx.db).await?,
        };
    }

    search::index_message(
        &ctx.es_url,
        room.room_id().as_str(),
        event.event_id.as_str(),
        event.sender.as_str(),
        body,
    )
    .await
}
