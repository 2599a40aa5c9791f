use std::collections::BTreeMap;
use std::thread::sleep;
use std::time::Duration;

use postgres::{Client, NoTls};

pub struct NodeRow {
    pub environment: String,
    pub role: String,
    pub datacenter: String,
    pub tier: String,
}

/// One connection for this ENC invocation. puppetserver may launch the ENC
/// while the CMDB replica is failing over, so try a few times before giving up.
pub fn connect(url: &str) -> Result<Client, postgres::Error> {
    let mut attempt = 1;
    loop {
        match Client::connect(url, NoTls) {
            Ok(client) => return Ok(client),
            Err(e) if attempt < 3 => {
                eprintln!("cmdb-enc: connect attempt {attempt} failed: {e}");
                attempt += 1;
                sleep(Duration::from_millis(500 * attempt));
            }
            Err(e) => return Err(e),
        }
    }
}

pub fn node(db: &mut Client, certname: &str) -> Result<Option<NodeRow>, postgres::Error> {
    let row = db.query_opt(
        "SELECT environment, role, datacenter, tier FROM ci_server
          WHERE fqdn = $1 AND lifecycle_state IN ('build', 'live')",
        &[&certname],
    )?;
    Ok(row.map(|r| NodeRow {
        environment: r.get(0),
        role: r.get(1),
        datacenter: r.get(2),
        tier: r.get(3),
    }))
}

/// Roles can include other roles; resolve them all with the same connection.
pub fn classes_for_role(db: &mut Client, role: &str) -> Result<Vec<String>, postgres::Error> {
    let mut classes = Vec::new();
    let mut queue = vec![role.to_string()];
    let mut seen = Vec::new();
    while let Some(r) = queue.pop() {
        if seen.contains(&r) {
            continue;
        }
        for row in db.query(
            "SELECT puppet_class, included_role FROM role_member WHERE role = $1 ORDER BY position",
            &[&r],
        )? {
            if let Some(class) = row.get::<_, Option<String>>(0) {
                classes.push(class);
            }
            if let Some(inc) = row.get::<_, Option<String>>(1) {
                queue.push(inc);
            }
        }
        seen.push(r);
    }
    Ok(classes)
}

pub fn parameters(db: &mut Client, certname: &str) -> Result<BTreeMap<String, serde_json::Value>, postgres::Error> {
    let mut params = BTreeMap::new();
    for row in db.query(
        "SELECT key, value FROM ci_server_param p JOIN ci_server s ON s.id = p.server_id WHERE s.fqdn = $1",
        &[&certname],
    )? {
        let value: serde_json::Value = row.get(1);
        params.insert(row.get(0), value);
    }
    Ok(params)
}
