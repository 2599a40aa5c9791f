//! Shopkeeper bot for the survival server. Sits in the market hall and answers
//! chat commands (!price, !market, !buy, !confirm, !cancel) from players.

use std::collections::HashMap;
use std::sync::Arc;

use azalea::prelude::*;
use sqlx::{Postgres, Transaction};
use tokio::sync::Mutex;

mod commands;
mod db;

/// Per-bot state. azalea clones this into every handler call, so everything
/// shared lives behind an Arc.
#[derive(Default, Clone, Component)]
pub struct State {
    /// Purchases waiting for the player to type !confirm, keyed by player name.
    pub pending: Arc<Mutex<HashMap<String, Transaction<'static, Postgres>>>>,
}

#[tokio::main]
async fn main() {
    tracing_subscriber::fmt::init();
    db::init_shop_pool().await.expect("shop database unreachable");

    let server = std::env::var("MC_SERVER").unwrap_or_else(|_| "play.example-smp.net".into());
    let account = match std::env::var("MC_ACCOUNT_EMAIL") {
        Ok(email) => Account::microsoft(&email).await.expect("microsoft auth failed"),
        Err(_) => Account::offline("Shopkeeper"),
    };

    ClientBuilder::new()
        .set_handler(handle)
        .start(account, server.as_str())
        .await
        .unwrap();
}

async fn handle(bot: Client, event: Event, state: State) -> anyhow::Result<()> {
    match event {
        Event::Login => {
            tracing::info!("logged in");
        }
        Event::Chat(m) => {
            let (Some(sender), content) = m.split_sender_and_content() else {
                return Ok(());
            };
            if sender == bot.profile.name || !content.starts_with('!') {
                return Ok(());
            }
            if let Err(e) = commands::dispatch(&bot, &state, &sender, &content).await {
                tracing::warn!(%sender, "command failed: {e:#}");
                bot.chat(&format!("/msg {sender} Sorry, that did not work."));
            }
        }
        _ => {}
    }
    Ok(())
}
