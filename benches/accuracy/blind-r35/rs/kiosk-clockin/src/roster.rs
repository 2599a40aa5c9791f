use postgres::NoTls;
use r2d2_postgres::PostgresConnectionManager;

pub struct Staff {
    pub id: i64,
    pub display_name: String,
}

pub struct Roster {
    pool: r2d2::Pool<PostgresConnectionManager<NoTls>>,
}

impl Roster {
    pub fn connect() -> anyhow::Result<Self> {
        let url = std::env::var("HR_DATABASE_URL")?;
        let manager = PostgresConnectionManager::new(url.parse()?, NoTls);
        let pool = r2d2::Pool::builder().max_size(4).build(manager)?;
        Ok(Roster { pool })
    }

    pub fn find_by_pin(&self, pin: &str) -> anyhow::Result<Option<Staff>> {
        let mut conn = self.pool.get()?;
        let row = conn.query_opt(
            "SELECT id, display_name FROM staff WHERE badge_pin_hash = crypt($1, badge_pin_hash) AND active",
            &[&pin],
        )?;
        Ok(row.map(|r| Staff { id: r.get(0), display_name: r.get(1) }))
    }
}
