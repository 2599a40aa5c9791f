use crate::Ping;

pub const INSERT_PING: &str = "
    insert Ping {
        vehicle := (select Vehicle filter .registration = <str>$0 limit 1),
        lat := <float64>$1,
        lon := <float64>$2,
        speed_kmh := <float32>$3,
        recorded_at := to_datetime(<float64>$4)
    }
    unless conflict on (.vehicle, .recorded_at)
";

/// Opens the EdgeDB client (an internal connection pool) from EDGEDB_* env /
/// edgedb.toml. Each binary calls this once from its `main`.
pub async fn connect() -> anyhow::Result<edgedb_tokio::Client> {
    let client = edgedb_tokio::create_client().await?;
    Ok(client)
}

pub async fn insert_ping(client: &edgedb_tokio::Client, p: &Ping) -> anyhow::Result<()> {
    client
        .execute(INSERT_PING, &(p.vehicle.clone(), p.lat, p.lon, p.speed_kmh, p.ts))
        .await?;
    Ok(())
}
