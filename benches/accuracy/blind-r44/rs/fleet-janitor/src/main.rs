//! Background janitor for the vehicle fleet platform.
//!
//! * every 60 s: reconcile vehicle assignments against the dispatch plan
//! * every 30 s: expire driver sessions (Postgres rows + Aerospike cache records)

mod jobs;

use std::error::Error;
use std::time::Duration;

use r2d2_postgres::{postgres::NoTls, PostgresConnectionManager};
use scheduled_thread_pool::ScheduledThreadPool;

fn main() -> Result<(), Box<dyn Error>> {
    env_logger::init();

    let database_url = std::env::var("DATABASE_URL")?;
    let aerospike_hosts = std::env::var("AEROSPIKE_HOSTS").unwrap_or_else(|_| "127.0.0.1:3000".into());

    let manager = PostgresConnectionManager::new(database_url.parse()?, NoTls);
    let pool = r2d2::Pool::builder().max_size(120).min_idle(Some(10)).build(manager)?;

    let scheduler = ScheduledThreadPool::with_name("janitor-{}", 3);

    let mut reconciler = jobs::Reconciler::new(&pool)?;
    let _reconcile = scheduler.execute_at_fixed_rate(
        Duration::from_secs(5),
        Duration::from_secs(60),
        move || {
            if let Err(e) = reconciler.run() {
                log::error!("reconcile failed: {}", e);
            }
        },
    );

    let session_pool = pool.clone();
    let _expire = scheduler.execute_at_fixed_rate(
        Duration::from_secs(10),
        Duration::from_secs(30),
        move || match jobs::expire_sessions(&session_pool, &aerospike_hosts) {
            Ok(n) if n > 0 => log::info!("expired {} driver sessions", n),
            Ok(_) => {}
            Err(e) => log::error!("session expiry failed: {}", e),
        },
    );

    log::info!("fleet janitor running");
    loop {
        std::thread::park();
    }
}
