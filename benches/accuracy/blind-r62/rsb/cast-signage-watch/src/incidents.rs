use std::sync::Mutex;

use anyhow::Result;
use r2d2::{Pool, PooledConnection};
use r2d2_postgres::{postgres::NoTls, PostgresConnectionManager};

/// Incident log for the facilities dashboard ("screen X showed Y for N minutes").
pub struct IncidentLog {
    conn: Mutex<PooledConnection<PostgresConnectionManager<NoTls>>>,
}

impl IncidentLog {
    pub fn connect(db_url: &str) -> Result<Self> {
        let manager = PostgresConnectionManager::new(db_url.parse()?, NoTls);
        let pool = Pool::builder().max_size(2).build(manager)?;
        // Keep one connection checked out so incident writes never queue behind the pool.
        let conn = pool.get()?;
        Ok(Self { conn: Mutex::new(conn) })
    }

    /// Opens an incident unless one is already open for the screen.
    pub fn open(&self, screen_id: i32, found_app: &str) -> Result<()> {
        let mut conn = self.conn.lock().unwrap();
        conn.execute(
            "INSERT INTO screen_incidents (screen_id, found_app, opened_at) \
             SELECT $1, $2, now() WHERE NOT EXISTS \
               (SELECT 1 FROM screen_incidents WHERE screen_id = $1 AND closed_at IS NULL)",
            &[&screen_id, &found_app],
        )?;
        Ok(())
    }

    pub fn resolve(&self, screen_id: i32) -> Result<()> {
        let mut conn = self.conn.lock().unwrap();
        conn.execute(
            "UPDATE screen_incidents SET closed_at = now() WHERE screen_id = $1 AND closed_at IS NULL",
            &[&screen_id],
        )?;
        Ok(())
    }
}
