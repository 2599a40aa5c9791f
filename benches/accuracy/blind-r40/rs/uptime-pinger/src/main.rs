use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use sqlx::postgres::PgPoolOptions;
use sqlx::PgPool;
use surge_ping::{Client, Config, PingIdentifier, PingSequence};

mod clients;
mod tenants;

struct Target {
    tenant: String,
    monitor_id: i64,
    addr: IpAddr,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let control = connect_control().await?;
    let tenant_pools = Arc::new(tenants::TenantPools::new(control.clone()));
    let http = clients::webhook_client()?;
    let icmp = Client::new(&Config::default()).context("raw ICMP socket (needs CAP_NET_RAW)")?;

    let mut tick = tokio::time::interval(Duration::from_secs(30));
    let mut seq: u16 = 0;
    loop {
        tokio::select! {
            _ = tick.tick() => {}
            _ = tokio::signal::ctrl_c() => break,
        }
        seq = seq.wrapping_add(1);

        let targets = load_targets(&control).await?;
        let mut round = tokio::task::JoinSet::new();
        for target in targets {
            let icmp = icmp.clone();
            let pools = Arc::clone(&tenant_pools);
            let http = http.clone();
            round.spawn(async move {
                let rtt = probe(&icmp, target.addr, seq).await;
                if let Err(err) = record(&pools, &http, &target, rtt).await {
                    eprintln!("{}: {err:#}", target.tenant);
                }
            });
        }
        while round.join_next().await.is_some() {}
    }

    tenant_pools.close_all().await;
    control.close().await;
    Ok(())
}

/// The control database may still be starting when the prober boots.
async fn connect_control() -> anyhow::Result<PgPool> {
    let url = std::env::var("CONTROL_DATABASE_URL").context("CONTROL_DATABASE_URL")?;
    let mut attempt = 0u32;
    loop {
        match PgPoolOptions::new().max_connections(4).connect(&url).await {
            Ok(pool) => return Ok(pool),
            Err(err) if attempt < 8 => {
                attempt += 1;
                eprintln!("control db not ready ({err}), retry {attempt}/8");
                tokio::time::sleep(Duration::from_secs(2u64.pow(attempt.min(5)))).await;
            }
            Err(err) => return Err(err.into()),
        }
    }
}

async fn load_targets(control: &PgPool) -> anyhow::Result<Vec<Target>> {
    let rows: Vec<(String, i64, sqlx::types::ipnetwork::IpNetwork)> = sqlx::query_as(
        "SELECT t.slug, m.id, m.address FROM monitors m JOIN tenants t ON t.id = m.tenant_id \
         WHERE m.enabled AND t.active",
    )
    .fetch_all(control)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(tenant, monitor_id, net)| Target { tenant, monitor_id, addr: net.ip() })
        .collect())
}

async fn probe(icmp: &Client, addr: IpAddr, seq: u16) -> Option<Duration> {
    let mut pinger = icmp.pinger(addr, PingIdentifier(rand::random())).await;
    pinger.timeout(Duration::from_secs(2));
    pinger
        .ping(PingSequence(seq), &[0u8; 32])
        .await
        .ok()
        .map(|(_packet, rtt)| rtt)
}

async fn record(
    pools: &tenants::TenantPools,
    http: &reqwest::Client,
    target: &Target,
    rtt: Option<Duration>,
) -> anyhow::Result<()> {
    let pool = pools.get(&target.tenant).await?;
    let mut conn = pool.acquire().await?;
    sqlx::query("INSERT INTO probe_results (monitor_id, rtt_ms, ok, at) VALUES ($1, $2, $3, now())")
        .bind(target.monitor_id)
        .bind(rtt.map(|d| d.as_secs_f64() * 1000.0))
        .bind(rtt.is_some())
        .execute(&mut *conn)
        .await?;

    let hook: Option<String> =
        sqlx::query_scalar("SELECT url FROM down_webhooks WHERE monitor_id = $1 AND $2 = false")
            .bind(target.monitor_id)
            .bind(rtt.is_some())
            .fetch_optional(&mut *conn)
            .await?;
    drop(conn);

    if let Some(url) = hook {
        http.post(url)
            .json(&serde_json::json!({ "monitor": target.monitor_id, "status": "down" }))
            .send()
            .await?;
    }
    Ok(())
}
