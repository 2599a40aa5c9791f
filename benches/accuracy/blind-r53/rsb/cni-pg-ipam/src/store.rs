//! Lease table, shared by the pg-ipam binaries on every node:
//!
//!   CREATE TABLE leases (network text, address inet, container_id text,
//!                        ifname text, leased_at timestamptz,
//!                        PRIMARY KEY (network, address));

use std::net::{IpAddr, Ipv4Addr};

use postgres::{Client, NoTls};
use postgres_native_tls::MakeTlsConnector;

use crate::IpamConf;

/// One connection for this plugin invocation (the process exits right after).
fn open(conf: &IpamConf) -> anyhow::Result<Client> {
    if conf.sslmode_require {
        let tls = MakeTlsConnector::new(native_tls::TlsConnector::new()?);
        Ok(Client::connect(&conf.dsn, tls)?)
    } else {
        Ok(Client::connect(&conf.dsn, NoTls)?)
    }
}

pub fn lease(conf: &IpamConf, network: &str, container: &str, ifname: &str) -> anyhow::Result<Ipv4Addr> {
    let mut db = open(conf)?;
    let mut tx = db.transaction()?;

    // Serialise allocations for this network across all nodes.
    tx.execute("SELECT pg_advisory_xact_lock(hashtext($1))", &[&network])?;

    if let Some(row) = tx.query_opt(
        "SELECT address FROM leases WHERE network = $1 AND container_id = $2 AND ifname = $3",
        &[&network, &container, &ifname],
    )? {
        let IpAddr::V4(existing) = row.get::<_, IpAddr>(0) else { anyhow::bail!("non-IPv4 lease") };
        tx.commit()?;
        db.close()?;
        return Ok(existing);
    }

    let taken: Vec<IpAddr> = tx
        .query("SELECT address FROM leases WHERE network = $1", &[&network])?
        .iter()
        .map(|r| r.get(0))
        .collect();

    let candidate = conf
        .subnet
        .hosts()
        .find(|ip| *ip != conf.gateway && !taken.contains(&IpAddr::V4(*ip)))
        .ok_or_else(|| anyhow::anyhow!("subnet {} exhausted", conf.subnet))?;

    tx.execute(
        "INSERT INTO leases (network, address, container_id, ifname, leased_at)
         VALUES ($1, $2, $3, $4, now())",
        &[&network, &IpAddr::V4(candidate), &container, &ifname],
    )?;
    tx.commit()?;
    db.close()?;
    Ok(candidate)
}

pub fn release(conf: &IpamConf, network: &str, container: &str, ifname: &str) -> anyhow::Result<()> {
    let mut db = open(conf)?;
    // DEL must be idempotent: deleting nothing is fine.
    db.execute(
        "DELETE FROM leases WHERE network = $1 AND container_id = $2 AND ifname = $3",
        &[&network, &container, &ifname],
    )?;
    db.close()?;
    Ok(())
}

pub fn exists(conf: &IpamConf, network: &str, container: &str, ifname: &str) -> anyhow::Result<bool> {
    let mut db = open(conf)?;
    let found = db
        .query_opt(
            "SELECT 1 FROM leases WHERE network = $1 AND container_id = $2 AND ifname = $3",
            &[&network, &container, &ifname],
        )?
        .is_some();
    db.close()?;
    Ok(found)
}
