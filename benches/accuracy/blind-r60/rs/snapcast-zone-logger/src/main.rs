//! Long-running daemon next to snapserver. It keeps one JSON-RPC control
//! connection (TCP 1705) open and reacts to every notification the server
//! pushes: volume changes, stream switches, clients coming and going.

use r2d2::PooledConnection;
use r2d2_postgres::{postgres::NoTls, PostgresConnectionManager};
use serde_json::Value;
use std::error::Error;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::thread;
use std::time::Duration;

mod db;
mod panel;

type DbConn = PooledConnection<PostgresConnectionManager<NoTls>>;

fn main() -> Result<(), Box<dyn Error>> {
    env_logger::init();

    let pool = db::build_pool()?;
    db::spawn_hourly_rollup(pool.clone());

    let mut conn = pool.get()?;
    let addr = std::env::var("SNAPSERVER").unwrap_or_else(|_| "127.0.0.1:1705".into());

    loop {
        match TcpStream::connect(&addr) {
            Ok(stream) => {
                log::info!("following snapserver at {addr}");
                if let Err(e) = follow(stream, &mut conn) {
                    log::warn!("control connection ended: {e}");
                }
            }
            Err(e) => log::warn!("snapserver not reachable: {e}"),
        }
        thread::sleep(Duration::from_secs(5));
    }
}

fn follow(stream: TcpStream, db: &mut DbConn) -> Result<(), Box<dyn Error>> {
    let mut writer = stream.try_clone()?;
    writer.write_all(b"{\"id\":1,\"jsonrpc\":\"2.0\",\"method\":\"Server.GetStatus\"}\r\n")?;

    for line in BufReader::new(stream).lines() {
        let line = line?;
        let msg: Value = match serde_json::from_str(&line) {
            Ok(v) => v,
            Err(e) => {
                log::debug!("skipping malformed line: {e}");
                continue;
            }
        };
        // Replies to our own requests carry an "id"; notifications carry a "method".
        let Some(method) = msg.get("method").and_then(Value::as_str) else {
            continue;
        };
        let params = &msg["params"];

        match method {
            "Client.OnVolumeChanged" => {
                let client_id = params["id"].as_str().unwrap_or_default();
                let percent = params["volume"]["percent"].as_i64().unwrap_or(0) as i32;
                let muted = params["volume"]["muted"].as_bool().unwrap_or(false);
                db.execute(
                    "INSERT INTO volume_events (client_id, percent, muted, at)
                     VALUES ($1, $2, $3, now())",
                    &[&client_id, &percent, &muted],
                )?;
                panel::publish_volume(client_id, percent, muted);
            }
            "Group.OnStreamChanged" => {
                let group_id = params["id"].as_str().unwrap_or_default();
                let stream_id = params["stream_id"].as_str().unwrap_or_default();
                db.execute(
                    "INSERT INTO stream_switches (group_id, stream_id, at) VALUES ($1, $2, now())",
                    &[&group_id, &stream_id],
                )?;
            }
            "Client.OnConnect" | "Client.OnDisconnect" => {
                let client_id = params["id"].as_str().unwrap_or_default();
                let online = method == "Client.OnConnect";
                db.execute(
                    "INSERT INTO presence (client_id, online, at) VALUES ($1, $2, now())",
                    &[&client_id, &online],
                )?;
            }
            _ => {}
        }
    }
    Ok(())
}
