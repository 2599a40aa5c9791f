use r2d2_postgres::{postgres::NoTls, PostgresConnectionManager};
use std::error::Error;
use std::thread;
use std::time::Duration;

pub type Pool = r2d2::Pool<PostgresConnectionManager<NoTls>>;

pub fn build_pool() -> Result<Pool, Box<dyn Error>> {
    let url = std::env::var("DATABASE_URL")?;
    let manager = PostgresConnectionManager::new(url.parse()?, NoTls);
    Ok(r2d2::Pool::builder().max_size(4).build(manager)?)
}

/// Folds raw events into listening_hours once an hour.
pub fn spawn_hourly_rollup(pool: Pool) {
    thread::spawn(move || loop {
        thread::sleep(Duration::from_secs(3600));
        match pool.get() {
            Ok(mut conn) => {
                if let Err(e) = conn.execute("CALL rollup_listening_hours()", &[]) {
                    log::warn!("rollup failed: {e}");
                }
            }
            Err(e) => log::warn!("rollup: no connection: {e}"),
        }
    });
}
