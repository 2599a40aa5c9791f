use anyhow::Result;
use r2d2::Pool;
use r2d2_postgres::{postgres::NoTls, PostgresConnectionManager};

#[derive(Debug, Clone)]
pub struct Screen {
    pub id: i32,
    pub name: String,
    pub host: String,
    pub port: u16,
}

pub struct ScreenStore {
    pool: Pool<PostgresConnectionManager<NoTls>>,
}

impl ScreenStore {
    pub fn connect(db_url: &str) -> Result<Self> {
        let manager = PostgresConnectionManager::new(db_url.parse()?, NoTls);
        let pool = Pool::builder().max_size(4).build(manager)?;
        Ok(Self { pool })
    }

    pub fn enabled(&self) -> Result<Vec<Screen>> {
        let mut conn = self.pool.get()?;
        let rows = conn.query(
            "SELECT id, name, host, port FROM screens WHERE enabled ORDER BY name",
            &[],
        )?;
        Ok(rows
            .iter()
            .map(|r| Screen {
                id: r.get(0),
                name: r.get(1),
                host: r.get(2),
                port: r.get::<_, i32>(3) as u16,
            })
            .collect())
    }

    /// Called on every receiver status message from every screen.
    pub fn mark_seen(&self, screen_id: i32, current_app: Option<&str>) -> Result<()> {
        let mut conn = self.pool.get()?;
        conn.execute(
            "UPDATE screens SET last_seen = now(), current_app = $2 WHERE id = $1",
            &[&screen_id, &current_app],
        )?;
        Ok(())
    }
}
