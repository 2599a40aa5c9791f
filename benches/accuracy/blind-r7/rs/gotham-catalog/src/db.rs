use std::time::Duration;
use std::{env, thread};

use diesel::pg::PgConnection;
use diesel::r2d2::{ConnectionManager, Pool, PoolError, PooledConnection};
use gotham::state::{FromState, State};
use gotham_derive::StateData;

pub type PgPool = Pool<ConnectionManager<PgConnection>>;
pub type PgConn = PooledConnection<ConnectionManager<PgConnection>>;

#[derive(Clone, StateData)]
pub struct AppState {
    pub pool: PgPool,
}

/// Builds the shared pool. Called exactly once, from `main`, before the server
/// starts; retries for a while because Postgres may still be booting in compose.
pub fn build_pool() -> Result<PgPool, PoolError> {
    let url = env::var("DATABASE_URL").expect("DATABASE_URL must be set");
    let mut attempt = 0;
    loop {
        let manager = ConnectionManager::<PgConnection>::new(&url);
        match Pool::builder()
            .max_size(10)
            .connection_timeout(Duration::from_secs(3))
            .build(manager)
        {
            Ok(pool) => return Ok(pool),
            Err(e) if attempt < 5 => {
                attempt += 1;
                eprintln!("database not ready ({e}), retry {attempt}/5");
                thread::sleep(Duration::from_secs(2));
            }
            Err(e) => return Err(e),
        }
    }
}

/// Checks a connection out of the shared pool for the current request.
/// The connection goes back to the pool when the returned guard is dropped.
pub fn conn(state: &State) -> Result<PgConn, PoolError> {
    AppState::borrow_from(state).pool.get()
}
