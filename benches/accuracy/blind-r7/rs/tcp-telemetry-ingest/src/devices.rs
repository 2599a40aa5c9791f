use tokio_postgres::NoTls;

pub struct Device {
    pub id: i64,
    pub name: String,
}

/// Looks the device up by its token. Runs once for every accepted TCP connection.
pub async fn authenticate(db_url: &str, token: &str) -> anyhow::Result<Device> {
    let (client, connection) = tokio_postgres::connect(db_url, NoTls).await?;
    tokio::spawn(async move {
        if let Err(e) = connection.await {
            eprintln!("auth connection error: {e}");
        }
    });

    let row = client
        .query_opt("SELECT id, name FROM devices WHERE token = $1 AND enabled", &[&token])
        .await?
        .ok_or_else(|| anyhow::anyhow!("unknown device token"))?;
    Ok(Device {
        id: row.get(0),
        name: row.get(1),
    })
}
