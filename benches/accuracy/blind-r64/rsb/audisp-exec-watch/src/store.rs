use std::thread;
use std::time::Duration;

use r2d2::{Pool, PooledConnection};
use r2d2_postgres::postgres::NoTls;
use r2d2_postgres::PostgresConnectionManager;

use crate::record::Exec;

pub type PgPool = Pool<PostgresConnectionManager<NoTls>>;

pub struct Recorder {
    conn: PooledConnection<PostgresConnectionManager<NoTls>>,
    host: String,
}

impl Recorder {
    pub fn new(pool: &PgPool, host: String) -> Result<Recorder, r2d2::Error> {
        // Dedicated connection for the event stream so inserts never queue behind retention.
        let conn = pool.get()?;
        Ok(Recorder { conn, host })
    }

    pub fn save(&mut self, ev: &Exec) -> Result<(), r2d2_postgres::postgres::Error> {
        self.conn.execute(
            "INSERT INTO exec_events (host, serial, audit_key, auid, uid, exe, argv, seen_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, now())",
            &[&self.host, &(ev.serial as i64), &ev.key, &ev.auid, &ev.uid, &ev.exe, &ev.argv],
        )?;
        Ok(())
    }
}

pub fn spawn_retention(pool: PgPool) {
    thread::spawn(move || loop {
        thread::sleep(Duration::from_secs(3600));
        match pool.get() {
            Ok(mut c) => {
                if let Err(e) = c.execute("DELETE FROM exec_events WHERE seen_at < now() - interval '90 days'", &[]) {
                    eprintln!("exec-watch: retention failed: {e}");
                }
            }
            Err(e) => eprintln!("exec-watch: retention could not get a connection: {e}"),
        }
    });
}
