use r2d2::Pool;
use r2d2_postgres::postgres::NoTls;
use r2d2_postgres::PostgresConnectionManager;

pub type PgPool = Pool<PostgresConnectionManager<NoTls>>;

/// Primary billing database pool; built once by main.
pub fn make_pool() -> Result<PgPool, r2d2::Error> {
    let url = std::env::var("BILLING_DB_URL")
        .unwrap_or_else(|_| "host=db user=billing password=billing dbname=billing".into());
    let manager = PostgresConnectionManager::new(url.parse().expect("bad BILLING_DB_URL"), NoTls);
    Pool::builder().max_size(8).build(manager)
}

/// Read replica used by the reporting jobs.
pub fn make_reporting_pool() -> Result<PgPool, r2d2::Error> {
    let url = std::env::var("REPORTING_DB_URL")
        .unwrap_or_else(|_| "host=db-replica user=reporting password=reporting dbname=billing".into());
    let manager = PostgresConnectionManager::new(url.parse().expect("bad REPORTING_DB_URL"), NoTls);
    Pool::builder().max_size(4).build(manager)
}

/// Startup sanity check: make sure the tables the jobs touch are there
/// before we start reserving work from beanstalkd.
pub fn check_schema(pool: &PgPool) -> Result<(), Box<dyn std::error::Error>> {
    let mut conn = pool.get()?;
    for table in ["invoices", "render_jobs", "monthly_reports"] {
        let row = conn.query_one(
            "SELECT EXISTS (SELECT 1 FROM information_schema.tables WHERE table_name = $1)",
            &[&table],
        )?;
        if !row.get::<_, bool>(0) {
            return Err(format!("missing table {table}").into());
        }
    }
    Ok(())
}
