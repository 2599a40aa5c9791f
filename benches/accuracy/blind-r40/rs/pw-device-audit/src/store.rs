use r2d2::Pool;
use r2d2_postgres::postgres::NoTls;
use r2d2_postgres::PostgresConnectionManager;

pub type StudioPool = Pool<PostgresConnectionManager<NoTls>>;

pub fn connect() -> anyhow::Result<StudioPool> {
    let config = std::env::var("STUDIO_DATABASE_URL")?.parse()?;
    let manager = PostgresConnectionManager::new(config, NoTls);
    Ok(Pool::builder().max_size(2).build(manager)?)
}

pub fn device_seen(
    pool: &StudioPool,
    workstation: &str,
    name: &str,
    description: &str,
    class: &str,
) -> anyhow::Result<()> {
    let mut conn = pool.get()?;
    conn.execute(
        "INSERT INTO audio_devices (workstation, node_name, description, media_class, last_seen) \
         VALUES ($1, $2, $3, $4, now()) \
         ON CONFLICT (workstation, node_name) DO UPDATE \
         SET description = EXCLUDED.description, last_seen = now()",
        &[&workstation, &name, &description, &class],
    )?;
    Ok(())
}
