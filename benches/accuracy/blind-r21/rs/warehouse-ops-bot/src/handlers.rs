use std::collections::HashMap;
use std::sync::{Arc, LazyLock};

use fred::prelude::*;
use grammers_client::types::Message;
use grammers_client::{Client, Update};
use rbatis::executor::RBatisTxExecutor;
use serde::Deserialize;
use tokio::sync::Mutex;

use crate::BotState;

/// Picks in progress, keyed by chat: the order lines stay locked until the
/// picker sends /done or /abort.
static OPEN_PICKS: LazyLock<Mutex<HashMap<i64, RBatisTxExecutor>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

#[derive(Debug, Deserialize)]
struct StockRow {
    location: String,
    qty: i64,
}

pub async fn handle_update(client: Client, state: Arc<BotState>, update: Update) -> anyhow::Result<()> {
    let Update::NewMessage(message) = update else { return Ok(()) };
    if message.outgoing() || !message.text().starts_with('/') {
        return Ok(());
    }
    if !allow(&state, message.chat().id()).await? {
        message.reply("Slow down a little - max 20 commands per minute.").await?;
        return Ok(());
    }

    let text = message.text().to_string();
    let mut parts = text.split_whitespace();
    let command = parts.next().unwrap_or_default();
    let arg = parts.next().unwrap_or_default();

    match command {
        "/stock" => stock(&state, &message, arg).await?,
        "/pick" => start_pick(&state, &message, arg).await?,
        "/done" => finish_pick(&message, true).await?,
        "/abort" => finish_pick(&message, false).await?,
        "/report" => {
            let lines = state.reports.current_shift(if arg.is_empty() { "DC1" } else { arg }).await?;
            let body: Vec<String> = lines
                .iter()
                .map(|l| format!("{}: {} lines ({} short)", l.picker, l.picked_lines, l.short_picks))
                .collect();
            client.send_message(&message.chat(), body.join("\n")).await?;
        }
        _ => {
            message.reply("Unknown command").await?;
        }
    }
    Ok(())
}

/// Fixed-window rate limit per chat.
async fn allow(state: &BotState, chat_id: i64) -> anyhow::Result<bool> {
    let config = RedisConfig::from_url(&state.rate_limit_redis)?;
    let redis = RedisClient::new(config, None, None, None);
    redis.init().await?;
    let key = format!("wms-bot:rl:{chat_id}");
    let hits: i64 = redis.incr(&key).await?;
    if hits == 1 {
        let _: () = redis.expire(&key, 60).await?;
    }
    redis.quit().await?;
    Ok(hits <= 20)
}

async fn stock(state: &BotState, message: &Message, sku: &str) -> anyhow::Result<()> {
    let rows: Vec<StockRow> = state
        .rb
        .query_decode(
            "SELECT location, qty FROM stock WHERE sku = ? AND qty > 0 ORDER BY location",
            vec![rbs::to_value!(sku)],
        )
        .await?;
    let reply = if rows.is_empty() {
        format!("{sku}: no stock")
    } else {
        rows.iter().map(|r| format!("{} x{}", r.location, r.qty)).collect::<Vec<_>>().join("\n")
    };
    message.reply(reply).await?;
    Ok(())
}

async fn start_pick(state: &BotState, message: &Message, order: &str) -> anyhow::Result<()> {
    let chat_id = message.chat().id();
    let tx = state.rb.acquire_begin().await?;
    let locked = tx
        .exec(
            "UPDATE order_lines SET status = 'picking', picker_chat = ? \
             WHERE order_no = ? AND status = 'released'",
            vec![rbs::to_value!(chat_id), rbs::to_value!(order)],
        )
        .await?;
    if locked.rows_affected == 0 {
        tx.rollback().await?;
        message.reply(format!("Order {order} is not released for picking")).await?;
        return Ok(());
    }
    OPEN_PICKS.lock().await.insert(chat_id, tx);
    message
        .reply(format!("Picking {order}: {} lines locked. Send /done or /abort.", locked.rows_affected))
        .await?;
    Ok(())
}

async fn finish_pick(message: &Message, commit: bool) -> anyhow::Result<()> {
    let Some(tx) = OPEN_PICKS.lock().await.remove(&message.chat().id()) else {
        message.reply("No pick in progress").await?;
        return Ok(());
    };
    if commit {
        tx.exec(
            "UPDATE order_lines SET status = 'picked', picked_at = now() WHERE picker_chat = ? AND status = 'picking'",
            vec![rbs::to_value!(message.chat().id())],
        )
        .await?;
        tx.commit().await?;
        message.reply("Pick confirmed").await?;
    } else {
        tx.rollback().await?;
        message.reply("Pick aborted, lines released").await?;
    }
    Ok(())
}
