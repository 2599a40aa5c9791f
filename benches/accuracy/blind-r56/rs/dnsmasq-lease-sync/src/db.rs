//! Lease table in the network-inventory database.

use postgres::{Client, NoTls};
use std::io::Write;
use std::net::IpAddr;
use std::time::Duration;

/// dnsmasq may start before Postgres at boot; wait a little, then give up.
pub fn connect_with_retry() -> anyhow::Result<Client> {
    let dsn = std::env::var("LEASE_DSN")
        .unwrap_or_else(|_| "host=/run/postgresql user=dnsmasq dbname=netinv".into());
    let mut attempt = 0;
    loop {
        match Client::connect(&dsn, NoTls) {
            Ok(client) => break Ok(client),
            Err(e) if attempt < 5 => {
                attempt += 1;
                eprintln!("lease-sync: postgres not reachable ({e}), retry {attempt}/5");
                std::thread::sleep(Duration::from_millis(500 * attempt));
            }
            Err(e) => break Err(e.into()),
        }
    }
}

#[allow(clippy::too_many_arguments)]
pub fn upsert_lease(
    client: &mut Client,
    mac: &str,
    ip: IpAddr,
    hostname: Option<&str>,
    expires: Option<i64>,
    interface: Option<&str>,
    client_id: Option<&str>,
    vendor_class: Option<&str>,
) -> anyhow::Result<()> {
    client.execute(
        "INSERT INTO dhcp_leases (mac, ip, hostname, expires_at, interface, client_id, vendor_class, seen_at) \
         VALUES ($1, $2, $3, to_timestamp($4), $5, $6, $7, now()) \
         ON CONFLICT (mac) DO UPDATE SET ip = EXCLUDED.ip, hostname = COALESCE(EXCLUDED.hostname, dhcp_leases.hostname), \
           expires_at = EXCLUDED.expires_at, interface = EXCLUDED.interface, seen_at = now()",
        &[&mac, &ip, &hostname, &expires.map(|e| e as f64), &interface, &client_id, &vendor_class],
    )?;
    Ok(())
}

pub fn delete_lease(client: &mut Client, mac: &str, ip: IpAddr) -> anyhow::Result<()> {
    client.execute("DELETE FROM dhcp_leases WHERE mac = $1 AND ip = $2", &[&mac, &ip])?;
    Ok(())
}

/// `init`: print the lease database in dnsmasq's leasefile format.
pub fn dump_leases(client: &mut Client, out: &mut impl Write) -> anyhow::Result<()> {
    let rows = client.query(
        "SELECT extract(epoch FROM expires_at)::bigint, mac, ip, COALESCE(hostname, '*'), COALESCE(client_id, '*') \
         FROM dhcp_leases WHERE expires_at > now()",
        &[],
    )?;
    for row in rows {
        let (expires, mac, ip, host, cid): (i64, String, IpAddr, String, String) =
            (row.get(0), row.get(1), row.get(2), row.get(3), row.get(4));
        writeln!(out, "{expires} {mac} {ip} {host} {cid}")?;
    }
    out.flush()?;
    Ok(())
}
