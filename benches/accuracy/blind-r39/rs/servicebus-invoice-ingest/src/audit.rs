use std::sync::LazyLock;

use mysql_async::prelude::*;
use mysql_async::Pool;

static AUDIT_POOL: LazyLock<Pool> = LazyLock::new(|| {
    let url = std::env::var("INVOICE_DB_URL").expect("INVOICE_DB_URL");
    Pool::new(url.as_str())
});

pub async fn record(invoice_no: &str, action: &str) -> anyhow::Result<()> {
    let mut conn = AUDIT_POOL.get_conn().await?;
    "INSERT INTO invoice_audit (invoice_no, action, at) VALUES (?, ?, NOW())"
        .with((invoice_no, action))
        .ignore(&mut conn)
        .await?;
    Ok(())
}
