//! One glommio executor per core; each binds the same port (SO_REUSEPORT)
//! and serves handheld scanners, one local task per TCP connection.
//! The Postgres pool and the HTTP agent are created once here and cloned
//! into every shard; connections only borrow from them per command.

mod db;
mod session;

use std::time::Duration;

use glommio::{net::TcpListener, CpuSet, LocalExecutorPoolBuilder, PoolPlacement};

fn main() {
    env_logger::init();
    let database_url = std::env::var("DATABASE_URL").expect("DATABASE_URL");
    let listen = std::env::var("LISTEN_ADDR").unwrap_or_else(|_| "0.0.0.0:7020".into());
    let pricing_base = std::env::var("PRICING_URL").unwrap_or_else(|_| "http://pricing.internal".into());
    let shards = std::env::var("SHARDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2));

    let pool = db::build_pool(&database_url, (shards * 2) as u32).expect("postgres unreachable");
    let agent = ureq::AgentBuilder::new()
        .timeout(Duration::from_secs(2))
        .max_idle_connections_per_host(8)
        .build();

    let handles = LocalExecutorPoolBuilder::new(PoolPlacement::MaxSpread(shards, CpuSet::online().ok()))
        .blocking_thread_pool_placement(PoolPlacement::Unbound(shards * 2))
        .name("scan-shard")
        .on_all_shards(move || async move {
            let shard = glommio::executor().id();
            let listener = TcpListener::bind(listen.as_str()).expect("bind scanner port");
            log::info!("shard {shard} accepting on {listen}");
            loop {
                let stream = match listener.accept().await {
                    Ok(s) => s,
                    Err(e) => {
                        log::warn!("shard {shard} accept failed: {e}");
                        continue;
                    }
                };
                let ctx = session::Ctx {
                    pool: pool.clone(),
                    agent: agent.clone(),
                    pricing_base: pricing_base.clone(),
                };
                glommio::spawn_local(session::serve(stream, ctx)).detach();
            }
        })
        .expect("failed to start executors");

    for result in handles.join_all() {
        if let Err(e) = result {
            log::error!("shard exited: {e:?}");
        }
    }
}
