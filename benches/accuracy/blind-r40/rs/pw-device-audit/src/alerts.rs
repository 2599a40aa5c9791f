use r2d2::Pool;
use r2d2_postgres::postgres::NoTls;
use r2d2_postgres::PostgresConnectionManager;

pub struct Alerter {
    workstation: String,
    pool: Pool<PostgresConnectionManager<NoTls>>,
}

impl Alerter {
    pub fn new(workstation: &str) -> anyhow::Result<Alerter> {
        let config = std::env::var("STUDIO_DATABASE_URL")?.parse()?;
        let pool = Pool::builder()
            .max_size(1)
            .build(PostgresConnectionManager::new(config, NoTls))?;
        Ok(Alerter { workstation: workstation.to_owned(), pool })
    }

    pub fn device_lost(&self, name: &str) -> anyhow::Result<()> {
        let mut conn = self.pool.get()?;
        conn.execute(
            "INSERT INTO device_alerts (workstation, node_name, kind, raised_at) \
             VALUES ($1, $2, 'lost', now())",
            &[&self.workstation, &name],
        )?;
        conn.execute(
            "SELECT pg_notify('studio_alerts', $1)",
            &[&format!("{}:{} lost", self.workstation, name)],
        )?;
        Ok(())
    }
}
