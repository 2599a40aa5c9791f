mod devices;
mod forwarder;
mod leases;

use std::net::SocketAddr;

use bb8::Pool;
use bb8_postgres::PostgresConnectionManager;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::mpsc;
use tokio_postgres::NoTls;

pub type PgPool = Pool<PostgresConnectionManager<NoTls>>;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let db_url = std::env::var("DATABASE_URL")?;
    let manager = PostgresConnectionManager::new_from_stringlike(&db_url, NoTls)?;
    let pool = Pool::builder().max_size(16).build(manager).await?;

    let (tx, rx) = mpsc::channel::<forwarder::Reading>(1024);
    tokio::spawn(forwarder::run(rx));

    let leases = leases::Leases::default();
    let listener = TcpListener::bind("0.0.0.0:7070").await?;
    println!("telemetry ingest listening on 7070");

    loop {
        let (socket, peer) = listener.accept().await?;
        let pool = pool.clone();
        let tx = tx.clone();
        let leases = leases.clone();
        let db_url = db_url.clone();
        tokio::spawn(async move {
            if let Err(e) = handle_conn(socket, peer, pool, tx, leases, db_url).await {
                eprintln!("{peer}: {e:#}");
            }
        });
    }
}

/// Line protocol, one TCP connection per device:
///   HELLO <token>
///   R <sensor> <value>
///   LOCK <slot> / UNLOCK
async fn handle_conn(
    socket: TcpStream,
    peer: SocketAddr,
    pool: PgPool,
    tx: mpsc::Sender<forwarder::Reading>,
    leases: leases::Leases,
    db_url: String,
) -> anyhow::Result<()> {
    let (reader, mut writer) = socket.into_split();
    let mut lines = BufReader::new(reader).lines();

    let Some(hello) = lines.next_line().await? else { return Ok(()) };
    let token = hello.trim_start_matches("HELLO ").trim();
    let device = devices::authenticate(&db_url, token).await?;
    writer.write_all(format!("OK {}\n", device.name).as_bytes()).await?;

    while let Some(line) = lines.next_line().await? {
        match line.split_once(' ') {
            Some(("LOCK", slot)) => {
                leases.acquire(&pool, peer, slot).await?;
                writer.write_all(b"LOCKED\n").await?;
            }
            Some(("UNLOCK", _)) => {
                leases.release(peer).await?;
                writer.write_all(b"UNLOCKED\n").await?;
            }
            Some(("R", rest)) => {
                let Some((sensor, value)) = rest.split_once(' ') else { continue };
                let reading = forwarder::Reading {
                    device_id: device.id,
                    sensor: sensor.to_string(),
                    value: value.parse().unwrap_or(f64::NAN),
                };
                tx.send(reading).await?;
            }
            _ => writer.write_all(b"ERR\n").await?,
        }
    }
    Ok(())
}
