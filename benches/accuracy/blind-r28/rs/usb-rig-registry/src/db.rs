use std::env;

use postgres::{Client, NoTls};

pub struct RigRow {
    pub id: i64,
    pub model: String,
    pub calibration_due: bool,
}

/// Opens a connection to the lab registry database.
pub fn connect() -> Result<Client, postgres::Error> {
    let url = env::var("REGISTRY_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://lab:lab@registry-db:5432/registry".to_string());
    Client::connect(&url, NoTls)
}

pub fn find_rig(client: &mut Client, serial: &str) -> Result<Option<RigRow>, postgres::Error> {
    let row = client.query_opt(
        "SELECT id, model, calibrated_at < now() - interval '90 days' \
         FROM rigs WHERE serial = $1",
        &[&serial],
    )?;
    Ok(row.map(|r| RigRow {
        id: r.get(0),
        model: r.get(1),
        calibration_due: r.get(2),
    }))
}

pub fn record_attach(
    client: &mut Client,
    rig_id: i64,
    bench: &str,
    bus: i16,
    address: i16,
) -> Result<u64, postgres::Error> {
    client.execute(
        "INSERT INTO rig_sessions (rig_id, bench, bus, address, attached_at) \
         VALUES ($1, $2, $3, $4, now())",
        &[&rig_id, &bench, &bus, &address],
    )
}
