use std::cell::RefCell;
use std::rc::Rc;

use rusqlite::{params, Connection};

/// Assignments made while offline, replayed on the next refresh.
#[derive(Clone)]
pub struct OfflineCache {
    conn: Rc<RefCell<Connection>>,
}

impl OfflineCache {
    pub fn open(path: &str) -> rusqlite::Result<Self> {
        let conn = Connection::open(path)?;
        conn.execute_batch("CREATE TABLE IF NOT EXISTS pending_assign (job_id INTEGER PRIMARY KEY)")?;
        Ok(Self { conn: Rc::new(RefCell::new(conn)) })
    }

    pub fn queue_assignment(&self, job_id: i64) -> rusqlite::Result<()> {
        self.conn
            .borrow()
            .execute("INSERT OR IGNORE INTO pending_assign (job_id) VALUES (?1)", params![job_id])?;
        Ok(())
    }

    pub fn drain(&self) -> rusqlite::Result<Vec<i64>> {
        let mut conn = self.conn.borrow_mut();
        let tx = conn.transaction()?;
        let ids = {
            let mut stmt = tx.prepare("SELECT job_id FROM pending_assign")?;
            let rows = stmt.query_map([], |r| r.get(0))?;
            rows.collect::<rusqlite::Result<Vec<i64>>>()?
        };
        tx.execute("DELETE FROM pending_assign", [])?;
        tx.commit()?;
        Ok(ids)
    }
}
