use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use snmp::{SyncSession, Value};

mod inventory;

const IF_HC_IN_OCTETS: [u32; 10] = [1, 3, 6, 1, 2, 1, 31, 1, 1, 1];
const IF_HC_OUT_OCTETS: [u32; 10] = [1, 3, 6, 1, 2, 1, 31, 1, 1, 10];

struct Device {
    name: String,
    session: SyncSession,
    if_indexes: Vec<i32>,
}

fn oid(base: &[u32], index: i32) -> Vec<u32> {
    let mut v = base.to_vec();
    v.push(index as u32);
    v
}

fn counter(session: &mut SyncSession, oid: &[u32]) -> Option<u64> {
    let mut resp = session.get(oid).ok()?;
    match resp.varbinds.next() {
        Some((_, Value::Counter64(v))) => Some(v),
        Some((_, Value::Counter32(v))) => Some(v as u64),
        _ => None,
    }
}

fn open_sessions(rows: Vec<inventory::DeviceRow>) -> Vec<Device> {
    rows.into_iter()
        .filter_map(|row| {
            let session = SyncSession::new(row.addr.as_str(), row.community.as_bytes(), Some(Duration::from_secs(2)), 0)
                .map_err(|e| log::warn!("{}: cannot open SNMP socket: {e}", row.name))
                .ok()?;
            Some(Device { name: row.name, session, if_indexes: row.if_indexes })
        })
        .collect()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    env_logger::init();
    let db_url = std::env::var("INVENTORY_PG")?;
    let vm_url = std::env::var("VM_IMPORT_URL")
        .unwrap_or_else(|_| "http://victoria:8428/api/v1/import/prometheus".into());

    let mut db = inventory::connect_with_retry(&db_url)?;
    let mut devices = open_sessions(inventory::load(&mut db)?);
    let agent = ureq::AgentBuilder::new().timeout(Duration::from_secs(5)).build();

    let mut round: u64 = 0;
    loop {
        let started = Instant::now();
        round += 1;

        // pick up inventory changes every 10 minutes through the same client
        if round % 20 == 0 {
            if db.is_closed() {
                db = inventory::connect_with_retry(&db_url)?;
            }
            match inventory::load(&mut db) {
                Ok(rows) => devices = open_sessions(rows),
                Err(e) => log::warn!("inventory reload failed: {e}"),
            }
        }

        let ts = SystemTime::now().duration_since(UNIX_EPOCH)?.as_millis();
        let mut body = String::new();
        for dev in devices.iter_mut() {
            for &idx in &dev.if_indexes {
                if let Some(v) = counter(&mut dev.session, &oid(&IF_HC_IN_OCTETS, idx)) {
                    body.push_str(&format!("if_in_octets{{device=\"{}\",ifindex=\"{idx}\"}} {v} {ts}\n", dev.name));
                }
                if let Some(v) = counter(&mut dev.session, &oid(&IF_HC_OUT_OCTETS, idx)) {
                    body.push_str(&format!("if_out_octets{{device=\"{}\",ifindex=\"{idx}\"}} {v} {ts}\n", dev.name));
                }
            }
        }
        if !body.is_empty() {
            if let Err(e) = agent.post(&vm_url).send_string(&body) {
                log::warn!("push to VictoriaMetrics failed: {e}");
            }
        }

        if let Some(rest) = Duration::from_secs(30).checked_sub(started.elapsed()) {
            std::thread::sleep(rest);
        }
    }
}
