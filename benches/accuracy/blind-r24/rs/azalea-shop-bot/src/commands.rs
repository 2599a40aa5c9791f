use std::time::Duration;

use anyhow::{bail, Context, Result};
use azalea::Client;
use serde::Deserialize;

use crate::{db, State};

#[derive(Deserialize)]
struct MarketQuote {
    median: f64,
    listings: u32,
}

/// Runs once for every chat line starting with '!'.
pub async fn dispatch(bot: &Client, state: &State, sender: &str, content: &str) -> Result<()> {
    let mut parts = content.split_whitespace();
    let cmd = parts.next().unwrap_or_default();
    let args: Vec<&str> = parts.collect();

    match cmd {
        "!price" => {
            let item = args.first().context("usage: !price <item>")?;
            let history = db::history_pool().await?;
            let avg: Option<f64> = sqlx::query_scalar(
                "SELECT avg(price)::float8 FROM sales WHERE item = $1 AND sold_at > now() - interval '7 days'",
            )
            .bind(item)
            .fetch_one(&history)
            .await?;
            match avg {
                Some(p) => bot.chat(&format!("/msg {sender} {item}: {p:.1} emeralds (7d avg)")),
                None => bot.chat(&format!("/msg {sender} no sales of {item} this week")),
            }
        }
        "!market" => {
            let item = args.first().context("usage: !market <item>")?;
            let http = reqwest::Client::builder().timeout(Duration::from_secs(5)).build()?;
            let quote: MarketQuote = http
                .get(format!("https://market.example-smp.net/api/quote/{item}"))
                .send()
                .await?
                .error_for_status()?
                .json()
                .await?;
            bot.chat(&format!(
                "/msg {sender} {item}: median {:.1} across {} listings",
                quote.median, quote.listings
            ));
        }
        "!buy" => {
            let (item, qty) = match args.as_slice() {
                [item, qty] => (item.to_string(), qty.parse::<i32>()?),
                _ => bail!("usage: !buy <item> <qty>"),
            };
            let mut tx = db::shop().begin().await?;
            let row: Option<(i32, i32)> = sqlx::query_as(
                "SELECT stock, unit_price FROM inventory WHERE item = $1 FOR UPDATE",
            )
            .bind(&item)
            .fetch_optional(&mut *tx)
            .await?;
            let Some((stock, unit_price)) = row else {
                bot.chat(&format!("/msg {sender} I don't sell {item}"));
                return Ok(());
            };
            if stock < qty {
                bot.chat(&format!("/msg {sender} only {stock} {item} left"));
                return Ok(());
            }
            sqlx::query("UPDATE inventory SET stock = stock - $1 WHERE item = $2")
                .bind(qty)
                .bind(&item)
                .execute(&mut *tx)
                .await?;
            sqlx::query("INSERT INTO orders (player, item, qty, total) VALUES ($1, $2, $3, $4)")
                .bind(sender)
                .bind(&item)
                .bind(qty)
                .bind(unit_price * qty)
                .execute(&mut *tx)
                .await?;
            state.pending.lock().await.insert(sender.to_string(), tx);
            bot.chat(&format!(
                "/msg {sender} {qty} {item} = {} emeralds. Type !confirm or !cancel",
                unit_price * qty
            ));
        }
        "!confirm" => {
            let tx = state.pending.lock().await.remove(sender);
            match tx {
                Some(tx) => {
                    tx.commit().await?;
                    bot.chat(&format!("/msg {sender} order placed, pick it up at the chest"));
                }
                None => bot.chat(&format!("/msg {sender} nothing to confirm")),
            }
        }
        "!cancel" => {
            if let Some(tx) = state.pending.lock().await.remove(sender) {
                tx.rollback().await?;
            }
            bot.chat(&format!("/msg {sender} cancelled"));
        }
        _ => {}
    }
    Ok(())
}
