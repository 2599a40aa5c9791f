mod ipfix;
mod templates;

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use deadpool_postgres::{ManagerConfig, Pool, PoolConfig, RecyclingMethod, Runtime};
use tokio::net::UdpSocket;
use tokio::sync::mpsc;
use tokio_postgres::NoTls;

use ipfix::{FlowRecord, Template};

const WRITERS: usize = 4;
const BATCH: usize = 5_000;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();
    let db_url = std::env::var("FLOWS_DB_URL")?;

    let mut cfg = deadpool_postgres::Config::new();
    cfg.url = Some(db_url.clone());
    cfg.manager = Some(ManagerConfig { recycling_method: RecyclingMethod::Fast });
    cfg.pool = Some(PoolConfig::new(200));
    let pool = cfg.create_pool(Some(Runtime::Tokio1), NoTls)?;

    let (tx, rx) = mpsc::channel::<FlowRecord>(100_000);
    let rx = std::sync::Arc::new(tokio::sync::Mutex::new(rx));
    for n in 0..WRITERS {
        let pool = pool.clone();
        let rx = rx.clone();
        tokio::spawn(async move { writer(n, pool, rx).await });
    }

    let seen: Arc<Mutex<HashMap<IpAddr, SystemTime>>> = Arc::default();
    tokio::spawn(exporter_heartbeat(pool.clone(), seen.clone()));

    let sock = UdpSocket::bind("0.0.0.0:4739").await?;
    tracing::info!("listening for IPFIX on udp/4739");
    let mut templates: HashMap<(SocketAddr, u32, u16), Template> = HashMap::new();
    let mut buf = vec![0u8; 65_535];

    loop {
        let (n, exporter) = sock.recv_from(&mut buf).await?;
        seen.lock().unwrap().insert(exporter.ip(), SystemTime::now());
        let msg = match ipfix::parse_message(&buf[..n]) {
            Ok(m) => m,
            Err(e) => {
                tracing::debug!(%exporter, "dropping datagram: {e}");
                continue;
            }
        };
        for (set_id, body) in msg.sets {
            match set_id {
                2 => {
                    for tpl in ipfix::parse_templates(body) {
                        if let Err(e) = templates::record(&db_url, exporter, msg.domain, &tpl).await {
                            tracing::warn!("template inventory update failed: {e:#}");
                        }
                        templates.insert((exporter, msg.domain, tpl.id), tpl);
                    }
                }
                3 => {} // options templates: not used
                id if id >= 256 => {
                    let Some(tpl) = templates.get(&(exporter, msg.domain, id)) else {
                        continue; // data before template; wait for the refresh
                    };
                    for rec in ipfix::decode_records(tpl, body, exporter) {
                        if tx.try_send(rec).is_err() {
                            tracing::warn!("writer backlog full, dropping flow");
                        }
                    }
                }
                _ => {}
            }
        }
    }
}

async fn writer(n: usize, pool: Pool, rx: std::sync::Arc<tokio::sync::Mutex<mpsc::Receiver<FlowRecord>>>) {
    let mut batch: Vec<FlowRecord> = Vec::with_capacity(BATCH);
    loop {
        {
            let mut rx = rx.lock().await;
            let deadline = tokio::time::sleep(Duration::from_secs(2));
            tokio::pin!(deadline);
            while batch.len() < BATCH {
                tokio::select! {
                    rec = rx.recv() => match rec {
                        Some(r) => batch.push(r),
                        None => return,
                    },
                    _ = &mut deadline => break,
                }
            }
        }
        if batch.is_empty() {
            continue;
        }
        if let Err(e) = flush(&pool, &batch).await {
            tracing::error!(writer = n, "flush of {} flows failed: {e:#}", batch.len());
        }
        batch.clear();
    }
}

async fn flush(pool: &Pool, batch: &[FlowRecord]) -> anyhow::Result<()> {
    let mut client = pool.get().await?;
    let tx = client.transaction().await?;
    let stmt = tx
        .prepare_cached(
            "INSERT INTO flow (exporter, src, dst, src_port, dst_port, proto, octets, packets, started, ended)
             VALUES ($1::text::inet, $2::text::inet, $3::text::inet, $4, $5, $6, $7, $8,
                     to_timestamp($9::float8 / 1000), to_timestamp($10::float8 / 1000))",
        )
        .await?;
    for r in batch {
        tx.execute(
            &stmt,
            &[
                &r.exporter.map(|a| a.to_string()),
                &r.src.map(|a| a.to_string()),
                &r.dst.map(|a| a.to_string()),
                &(r.src_port as i32),
                &(r.dst_port as i32),
                &(r.proto as i16),
                &(r.octets as i64),
                &(r.packets as i64),
                &(r.start_ms as f64),
                &(r.end_ms as f64),
            ],
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Publishes per-exporter last-seen times for the "exporter silent" alert.
async fn exporter_heartbeat(pool: Pool, seen: Arc<Mutex<HashMap<IpAddr, SystemTime>>>) {
    let client = match pool.get().await {
        Ok(c) => c,
        Err(e) => {
            tracing::error!("heartbeat disabled, no db connection: {e}");
            return;
        }
    };
    let mut tick = tokio::time::interval(Duration::from_secs(30));
    loop {
        tick.tick().await;
        let snapshot: Vec<(String, f64)> = seen
            .lock()
            .unwrap()
            .iter()
            .map(|(ip, t)| {
                let secs = t.duration_since(SystemTime::UNIX_EPOCH).unwrap_or_default().as_secs_f64();
                (ip.to_string(), secs)
            })
            .collect();
        for (ip, secs) in snapshot {
            if let Err(e) = client
                .execute(
                    "INSERT INTO ipfix_exporter (exporter, last_seen) VALUES ($1::text::inet, to_timestamp($2))
                     ON CONFLICT (exporter) DO UPDATE SET last_seen = EXCLUDED.last_seen",
                    &[&ip, &secs],
                )
                .await
            {
                tracing::warn!("heartbeat update for {ip} failed: {e}");
            }
        }
    }
}
