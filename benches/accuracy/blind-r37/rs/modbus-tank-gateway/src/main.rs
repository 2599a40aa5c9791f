//! Exposes tank-farm levels (cached in Redis by the PLC poller) as Modbus
//! holding registers for the SCADA HMI, and records setpoint writes in MySQL.

mod handler;

use std::net::SocketAddr;

use rodbus::server::{spawn_tcp_server_task, AddressFilter, RequestHandler, ServerHandlerMap};
use rodbus::{DecodeLevel, UnitId};

use crate::handler::TankHandler;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let redis_url = std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".into());
    let mysql_url = std::env::var("MYSQL_URL")?;
    let bind: SocketAddr = std::env::var("MODBUS_BIND")
        .unwrap_or_else(|_| "0.0.0.0:502".into())
        .parse()?;

    let handler = TankHandler::new(redis_url, mysql_url).wrap();
    let map = ServerHandlerMap::single(UnitId::new(1), handler);

    let _server = spawn_tcp_server_task(
        8,
        bind,
        map,
        AddressFilter::Any,
        DecodeLevel::default(),
    )
    .await?;

    tracing::info!("modbus gateway listening on {bind}");
    tokio::signal::ctrl_c().await?;
    Ok(())
}
