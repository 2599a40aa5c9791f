use crossbeam_channel::Receiver;
use postgres::NoTls;
use r2d2::{Pool, PooledConnection};
use r2d2_postgres::PostgresConnectionManager;

pub type PgPool = Pool<PostgresConnectionManager<NoTls>>;
pub type PgConn = PooledConnection<PostgresConnectionManager<NoTls>>;

pub enum ClientEvent {
    Registered(String),
    Unregistered(String),
}

pub fn build_pool(dsn: &str) -> anyhow::Result<PgPool> {
    let manager = PostgresConnectionManager::new(dsn.parse()?, NoTls);
    Ok(Pool::builder().max_size(4).build(manager)?)
}

pub fn write_summary(conn: &mut PgConn, room: &str) -> Result<(), postgres::Error> {
    conn.execute(
        "INSERT INTO session_summary (room, taken_at, xruns, patch_changes)
         SELECT $1, now(),
                (SELECT count(*) FROM xruns WHERE room = $1 AND at > now() - interval '1 minute'),
                (SELECT count(*) FROM patch_events WHERE room = $1 AND at > now() - interval '1 minute')",
        &[&room],
    )?;
    Ok(())
}

pub fn client_event_writer(pool: PgPool, rx: Receiver<ClientEvent>) {
    for event in rx.iter() {
        let (name, registered) = match event {
            ClientEvent::Registered(name) => (name, true),
            ClientEvent::Unregistered(name) => (name, false),
        };
        let mut conn = match pool.get() {
            Ok(conn) => conn,
            Err(e) => {
                log::warn!("client event for {name} dropped: {e}");
                continue;
            }
        };
        if let Err(e) = conn.execute(
            "INSERT INTO client_events (name, registered, at) VALUES ($1, $2, now())",
            &[&name, &registered],
        ) {
            log::warn!("client event for {name} not stored: {e}");
        }
    }
}
