use rusqlite::{params, Connection};

use crate::tenants::Tenant;

/// Local cache of tenants and tickets so the app works in basements without signal.
pub struct LocalStore {
    conn: Connection,
}

impl LocalStore {
    pub fn open() -> rusqlite::Result<Self> {
        let dir = std::env::var("FIELD_DESK_HOME").unwrap_or_else(|_| ".".into());
        let conn = Connection::open(format!("{dir}/field-desk.db"))?;
        conn.execute_batch(
            "CREATE TABLE IF NOT EXISTS tenants (id TEXT PRIMARY KEY, name TEXT, base_url TEXT, cert_path TEXT, api_key TEXT);
             CREATE TABLE IF NOT EXISTS tickets (tenant TEXT, id TEXT, title TEXT, status TEXT, PRIMARY KEY (tenant, id));
             CREATE TABLE IF NOT EXISTS outbox (id INTEGER PRIMARY KEY AUTOINCREMENT, tenant TEXT, ticket_id TEXT, notes TEXT);",
        )?;
        Ok(Self { conn })
    }

    pub fn tenants(&self) -> rusqlite::Result<Vec<Tenant>> {
        let mut stmt = self.conn.prepare_cached("SELECT id, name, base_url, cert_path, api_key FROM tenants ORDER BY name")?;
        let rows = stmt.query_map([], |r| {
            Ok(Tenant { id: r.get(0)?, name: r.get(1)?, base_url: r.get(2)?, cert_path: r.get(3)?, api_key: r.get(4)? })
        })?;
        rows.collect()
    }

    pub fn tenant(&self, id: &str) -> rusqlite::Result<Tenant> {
        self.conn.query_row(
            "SELECT id, name, base_url, cert_path, api_key FROM tenants WHERE id = ?1",
            [id],
            |r| Ok(Tenant { id: r.get(0)?, name: r.get(1)?, base_url: r.get(2)?, cert_path: r.get(3)?, api_key: r.get(4)? }),
        )
    }

    pub fn save_tickets(&self, tenant: &str, tickets: &[(String, String, String)]) -> rusqlite::Result<()> {
        let tx = self.conn.unchecked_transaction()?;
        tx.execute("DELETE FROM tickets WHERE tenant = ?1", [tenant])?;
        for (id, title, status) in tickets {
            tx.execute("INSERT INTO tickets VALUES (?1, ?2, ?3, ?4)", params![tenant, id, title, status])?;
        }
        tx.commit()
    }

    pub fn queue_close(&self, tenant: &str, ticket_id: &str, notes: &str) -> rusqlite::Result<()> {
        self.conn.execute("INSERT INTO outbox (tenant, ticket_id, notes) VALUES (?1, ?2, ?3)", params![tenant, ticket_id, notes])?;
        Ok(())
    }
}
