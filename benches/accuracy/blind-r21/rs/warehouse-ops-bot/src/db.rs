use rbatis::RBatis;
use rbdc_pg::driver::PgDriver;
use serde::Deserialize;

const REQUIRED_TABLES: &[&str] = &["stock", "order_lines", "pick_lines", "pickers"];

#[derive(Debug, Deserialize)]
struct TableName {
    table_name: String,
}

/// Main WMS connection pool used by the picker commands.
pub async fn connect(url: &str) -> anyhow::Result<RBatis> {
    let rb = RBatis::new();
    rb.init(PgDriver {}, url)?;
    let pool = rb.get_pool()?;
    pool.set_max_open_conns(12).await;
    pool.set_max_idle_conns(4).await;
    check_schema(&rb).await?;
    Ok(rb)
}

/// Refuse to start against a database that has not been migrated yet.
async fn check_schema(rb: &RBatis) -> anyhow::Result<()> {
    let present: Vec<TableName> = rb
        .query_decode(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
            vec![],
        )
        .await?;
    for table in REQUIRED_TABLES {
        if !present.iter().any(|t| t.table_name == *table) {
            anyhow::bail!("WMS schema is missing table `{table}` - run the migrations first");
        }
    }
    Ok(())
}
