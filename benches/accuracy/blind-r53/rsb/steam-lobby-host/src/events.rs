use anyhow::Context;
use postgres::NoTls;
use steamworks::{ChatMemberStateChange, Client, GameLobbyJoinRequested, LobbyChatUpdate};

use crate::bans;
use crate::HostConfig;

fn state_label(change: &ChatMemberStateChange) -> &'static str {
    match change {
        ChatMemberStateChange::Entered => "entered",
        ChatMemberStateChange::Left => "left",
        ChatMemberStateChange::Disconnected => "disconnected",
        ChatMemberStateChange::Kicked => "kicked",
        ChatMemberStateChange::Banned => "banned",
    }
}

/// Registered with `client.register_callback`; Steam fires it every time a
/// member enters, leaves, drops or is kicked from one of our lobbies.
pub fn on_lobby_chat_update(cfg: &HostConfig, update: &LobbyChatUpdate) -> anyhow::Result<()> {
    let mut db = postgres::Client::connect(&cfg.database_url, NoTls)
        .context("connecting to lobby database")?;

    let lobby = update.lobby.raw() as i64;
    let member = update.user_changed.raw() as i64;
    let actor = update.making_change.raw() as i64;
    let state = state_label(&update.member_state_change);

    db.execute(
        "INSERT INTO lobby_membership_events (lobby_id, steam_id, actor_id, state, region, at)
         VALUES ($1, $2, $3, $4, $5, now())",
        &[&lobby, &member, &actor, &state, &cfg.region],
    )?;

    if state == "entered" {
        db.execute(
            "INSERT INTO players (steam_id, first_seen, last_seen) VALUES ($1, now(), now())
             ON CONFLICT (steam_id) DO UPDATE SET last_seen = now()",
            &[&member],
        )?;
    }

    Ok(())
}

/// Registered with `client.register_callback`; fires when a friend asks to
/// join through the Steam overlay.
pub fn on_join_requested(cfg: &HostConfig, steam: &Client, req: &GameLobbyJoinRequested) {
    let friend = req.friend_steam_id;
    match bans::is_banned(cfg, friend.raw()) {
        Ok(true) => {
            log::info!("refusing banned player {}", friend.raw());
        }
        Ok(false) => {
            steam.matchmaking().join_lobby(req.lobby_steam_id, |res| {
                if let Err(e) = res {
                    log::warn!("join_lobby failed: {e:?}");
                }
            });
        }
        Err(e) => log::warn!("ban check failed for {}: {e:#}", friend.raw()),
    }
}
