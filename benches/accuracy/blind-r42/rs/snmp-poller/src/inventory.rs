//! Device inventory (NetBox-synced table in Postgres).

use std::thread::sleep;
use std::time::Duration;

use postgres::{Client, NoTls};

pub struct DeviceRow {
    pub name: String,
    pub addr: String,
    pub community: String,
    pub if_indexes: Vec<i32>,
}

/// Start-up: the DB may come up after us, so retry for a while, then give up.
pub fn connect_with_retry(url: &str) -> Result<Client, postgres::Error> {
    let mut attempt = 0u64;
    loop {
        attempt += 1;
        match Client::connect(url, NoTls) {
            Ok(client) => break Ok(client),
            Err(e) if attempt < 20 => {
                log::warn!("inventory db not reachable (attempt {attempt}): {e}");
                sleep(Duration::from_secs(attempt.min(10)));
            }
            Err(e) => break Err(e),
        }
    }
}

pub fn load(client: &mut Client) -> Result<Vec<DeviceRow>, postgres::Error> {
    let rows = client.query(
        "SELECT d.name, host(d.mgmt_ip), d.snmp_community, array_agg(i.if_index) \
         FROM devices d JOIN monitored_interfaces i ON i.device_id = d.id \
         WHERE d.status = 'active' GROUP BY d.id",
        &[],
    )?;
    Ok(rows
        .iter()
        .map(|r| DeviceRow {
            name: r.get(0),
            addr: format!("{}:161", r.get::<_, String>(1)),
            community: r.get(2),
            if_indexes: r.get(3),
        })
        .collect())
}
