use std::collections::HashMap;

use anyhow::Result;
use sqlx::{Postgres, Transaction};
use tokio::sync::Mutex;

use crate::Bot;

/// One open raffle per channel. The entries are written inside a transaction
/// that stays open until the raffle is drawn, so a cancelled raffle leaves no rows.
pub type OpenRaffles = Mutex<HashMap<String, Transaction<'static, Postgres>>>;

pub async fn admin(bot: &Bot, channel: &str, args: &[&str]) -> Result<Option<String>> {
    match args.first().copied() {
        Some("open") => {
            let mut tx = bot.pg.begin().await?;
            sqlx::query("INSERT INTO raffles (channel, opened_at) VALUES ($1, now())")
                .bind(channel)
                .execute(&mut *tx)
                .await?;
            bot.raffles.lock().await.insert(channel.to_string(), tx);
            Ok(Some("raffle is open, type !join to enter".into()))
        }
        Some("draw") => {
            let Some(mut tx) = bot.raffles.lock().await.remove(channel) else {
                return Ok(Some("no raffle open".into()));
            };
            let winner: Option<String> = sqlx::query_scalar(
                "SELECT login FROM raffle_entries WHERE channel = $1 ORDER BY random() LIMIT 1",
            )
            .bind(channel)
            .fetch_optional(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok(Some(match winner {
                Some(w) => format!("the winner is @{w}!"),
                None => "nobody entered :(".into(),
            }))
        }
        Some("cancel") => {
            if !bot.raffles.lock().await.contains_key(channel) {
                return Ok(Some("no raffle open".into()));
            }
            Ok(Some("raffle cancelled".into()))
        }
        _ => Ok(Some("usage: !raffle open|draw|cancel".into())),
    }
}

pub async fn enter(bot: &Bot, channel: &str, login: &str) -> Result<Option<String>> {
    let mut raffles = bot.raffles.lock().await;
    let Some(tx) = raffles.get_mut(channel) else {
        return Ok(None);
    };
    sqlx::query(
        "INSERT INTO raffle_entries (channel, login) VALUES ($1, $2) ON CONFLICT DO NOTHING",
    )
    .bind(channel)
    .bind(login)
    .execute(&mut **tx)
    .await?;
    Ok(None)
}
