mod alert;
mod ingest;
mod reading;

use std::net::UdpSocket;
use std::time::Duration;

use kompact::prelude::*;
use r2d2_postgres::{postgres::NoTls, PostgresConnectionManager};

use crate::alert::Alerter;
use crate::ingest::Ingestor;
use crate::reading::Reading;

pub type PgPool = r2d2::Pool<PostgresConnectionManager<NoTls>>;

fn build_pool(dsn: &str) -> anyhow::Result<PgPool> {
    let manager = PostgresConnectionManager::new(dsn.parse()?, NoTls);
    let pool = r2d2::Pool::builder()
        .max_size(4)
        .connection_timeout(Duration::from_secs(5))
        .build(manager)?;
    Ok(pool)
}

fn main() -> anyhow::Result<()> {
    let dsn = std::env::var("COLDCHAIN_PG")
        .unwrap_or_else(|_| "host=localhost user=coldchain dbname=coldchain".to_string());
    let webhook = std::env::var("COLDCHAIN_ALERT_WEBHOOK")
        .unwrap_or_else(|_| "https://alerts.internal/hooks/coldchain".to_string());
    let bind = std::env::var("COLDCHAIN_BIND").unwrap_or_else(|_| "0.0.0.0:7400".to_string());

    let pool = build_pool(&dsn)?;

    let system = KompactConfig::default().build().expect("kompact system");

    let ingest_pool = pool.clone();
    let ingestor = system.create(move || Ingestor::new(ingest_pool));
    let alert_pool = pool.clone();
    let alerter = system.create(move || Alerter::new(alert_pool, webhook));

    system
        .start_notify(&ingestor)
        .wait_timeout(Duration::from_secs(5))
        .expect("ingestor never started");
    system
        .start_notify(&alerter)
        .wait_timeout(Duration::from_secs(5))
        .expect("alerter never started");

    let ingest_ref: ActorRef<Reading> = ingestor.actor_ref();
    let alert_ref: ActorRef<Reading> = alerter.actor_ref();

    let socket = UdpSocket::bind(&bind)?;
    std::thread::Builder::new()
        .name("udp-intake".into())
        .spawn(move || {
            let mut buf = [0u8; 2048];
            loop {
                let (n, from) = match socket.recv_from(&mut buf) {
                    Ok(v) => v,
                    Err(e) => {
                        eprintln!("udp recv: {e}");
                        continue;
                    }
                };
                match Reading::parse(&buf[..n]) {
                    Ok(reading) => {
                        alert_ref.tell(reading.clone());
                        ingest_ref.tell(reading);
                    }
                    Err(e) => eprintln!("bad datagram from {from}: {e}"),
                }
            }
        })?;

    system.await_termination();
    Ok(())
}
