use sqlx::PgPool;
use teloxide::{prelude::*, utils::command::BotCommands};

use crate::carrier::CarrierApi;
use crate::Command;

type HandlerResult = Result<(), Box<dyn std::error::Error + Send + Sync>>;

/// Runs once per command message.
pub async fn command(bot: Bot, msg: Message, cmd: Command, pool: PgPool, carrier: CarrierApi) -> HandlerResult {
    let chat = msg.chat.id;
    match cmd {
        Command::Help => {
            bot.send_message(chat, Command::descriptions().to_string()).await?;
        }
        Command::Track(number) => {
            let number = number.trim().to_uppercase();
            let Some(info) = carrier.lookup(&number).await? else {
                bot.send_message(chat, format!("Carrier does not know {number}")).await?;
                return Ok(());
            };

            let mut tx = pool.begin().await?;
            let inserted = sqlx::query(
                "INSERT INTO parcels (chat_id, number, last_status) VALUES ($1, $2, $3) \
                 ON CONFLICT (chat_id, number) DO NOTHING",
            )
            .bind(chat.0)
            .bind(&number)
            .bind(&info.status)
            .execute(&mut *tx)
            .await?;
            if inserted.rows_affected() == 0 {
                // tx is rolled back when dropped here
                bot.send_message(chat, format!("Already tracking {number}")).await?;
                return Ok(());
            }
            sqlx::query("INSERT INTO parcel_events (number, status, location) VALUES ($1, $2, $3)")
                .bind(&number)
                .bind(&info.status)
                .bind(info.location.as_deref())
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;

            let eta = info.eta.unwrap_or_else(|| "unknown".into());
            bot.send_message(chat, format!("Tracking {number}: {} (ETA {eta})", info.status)).await?;
        }
        Command::List => {
            let parcels = crate::db::tracked_parcels(&pool, chat.0).await?;
            let text = if parcels.is_empty() {
                "You are not tracking any parcels.".to_string()
            } else {
                parcels.iter().map(|(n, s)| format!("{n}: {s}")).collect::<Vec<_>>().join("\n")
            };
            bot.send_message(chat, text).await?;
        }
        Command::Untrack(number) => {
            sqlx::query("DELETE FROM parcels WHERE chat_id = $1 AND number = $2")
                .bind(chat.0)
                .bind(number.trim().to_uppercase())
                .execute(&pool)
                .await?;
            bot.send_message(chat, "Done.").await?;
        }
    }
    Ok(())
}

/// Any other text: treat it as a parcel number to look up once.
pub async fn free_text(bot: Bot, msg: Message, carrier: CarrierApi) -> HandlerResult {
    let Some(text) = msg.text() else { return Ok(()) };
    let reply = match carrier.lookup(text.trim()).await? {
        Some(info) => format!("{}: {}", info.number, info.status),
        None => "Send /track <number> to follow a parcel, or /help.".to_string(),
    };
    bot.send_message(msg.chat.id, reply).await?;
    Ok(())
}
