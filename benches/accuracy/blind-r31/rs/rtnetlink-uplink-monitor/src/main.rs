mod noc;

use futures::stream::StreamExt;
use netlink_packet_core::NetlinkPayload;
use netlink_packet_route::link::{LinkAttribute, State};
use netlink_packet_route::RouteNetlinkMessage;
use netlink_sys::{AsyncSocket, SocketAddr};
use rtnetlink::constants::RTMGRP_LINK;
use sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions};
use sqlx::SqlitePool;

async fn record(pool: &SqlitePool, ifname: &str, state: &str) -> anyhow::Result<bool> {
    let previous: Option<String> =
        sqlx::query_scalar("SELECT state FROM link_state WHERE ifname = ?1")
            .bind(ifname)
            .fetch_optional(pool)
            .await?;
    sqlx::query(
        "INSERT INTO link_state (ifname, state, changed_at) VALUES (?1, ?2, datetime('now'))
         ON CONFLICT(ifname) DO UPDATE SET state = excluded.state, changed_at = excluded.changed_at",
    )
    .bind(ifname)
    .bind(state)
    .execute(pool)
    .await?;
    Ok(previous.as_deref() != Some(state))
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let providers: Vec<noc::Provider> =
        serde_json::from_str(&std::fs::read_to_string("/etc/uplink-monitor/providers.json")?)?;

    let pool = SqlitePoolOptions::new()
        .max_connections(2)
        .connect_with(
            SqliteConnectOptions::new()
                .filename("/var/lib/uplink-monitor/state.db")
                .create_if_missing(true),
        )
        .await?;
    sqlx::query("CREATE TABLE IF NOT EXISTS link_state (ifname TEXT PRIMARY KEY, state TEXT, changed_at TEXT)")
        .execute(&pool)
        .await?;

    let (mut connection, _handle, mut messages) = rtnetlink::new_connection()?;
    connection
        .socket_mut()
        .socket_mut()
        .bind(&SocketAddr::new(0, RTMGRP_LINK))?;
    tokio::spawn(connection);

    while let Some((message, _)) = messages.next().await {
        let NetlinkPayload::InnerMessage(RouteNetlinkMessage::NewLink(link)) = message.payload else {
            continue;
        };
        let mut ifname = None;
        let mut oper = None;
        for attr in &link.attributes {
            match attr {
                LinkAttribute::IfName(name) => ifname = Some(name.clone()),
                LinkAttribute::OperState(state) => oper = Some(*state),
                _ => {}
            }
        }
        let (Some(ifname), Some(oper)) = (ifname, oper) else { continue };
        let state = match oper {
            State::Up => "up",
            State::Down | State::LowerLayerDown => "down",
            _ => continue,
        };

        match record(&pool, &ifname, state).await {
            Ok(true) => {
                tracing::info!(%ifname, state, "uplink state changed");
                if let Some(provider) = providers.iter().find(|p| p.interface == ifname) {
                    if let Err(e) = noc::open_ticket(provider, state).await {
                        tracing::warn!(provider = %provider.name, "NOC ticket failed: {e:#}");
                    }
                }
            }
            Ok(false) => {}
            Err(e) => tracing::error!("state db write failed: {e:#}"),
        }
    }
    Ok(())
}
