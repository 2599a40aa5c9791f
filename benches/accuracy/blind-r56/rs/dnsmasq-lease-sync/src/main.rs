//! dnsmasq runs this program (`dhcp-script=/usr/local/bin/lease-sync`,
//! together with `leasefile-ro`) as a separate short-lived process for
//! every lease event:
//!
//!   lease-sync init                          (once at dnsmasq start-up)
//!   lease-sync add|old|del <mac> <ip> [host]  (one process per lease change)
//!   lease-sync tftp <size> <ip> <file>        (ignored)
//!
//! dnsmasq waits for each invocation to exit before starting the next one.

mod db;
mod netbox;

use std::net::IpAddr;

struct LeaseEnv {
    interface: Option<String>,
    expires: Option<i64>,
    client_id: Option<String>,
    vendor_class: Option<String>,
}

impl LeaseEnv {
    fn from_env() -> Self {
        let var = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
        Self {
            interface: var("DNSMASQ_INTERFACE"),
            expires: var("DNSMASQ_LEASE_EXPIRES").and_then(|v| v.parse().ok()),
            client_id: var("DNSMASQ_CLIENT_ID"),
            vendor_class: var("DNSMASQ_VENDOR_CLASS"),
        }
    }
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let action = args.first().map(String::as_str).unwrap_or_default();

    match action {
        "init" => {
            let mut client = db::connect_with_retry()?;
            db::dump_leases(&mut client, &mut std::io::stdout().lock())?;
            client.close()?;
        }
        "add" | "old" | "del" => {
            let [_, mac, ip, rest @ ..] = args.as_slice() else {
                anyhow::bail!("usage: lease-sync {action} <mac> <ip> [hostname]");
            };
            let ip: IpAddr = ip.parse()?;
            let hostname = rest.first().cloned();
            let env = LeaseEnv::from_env();

            let mut client = db::connect_with_retry()?;
            if action == "del" {
                db::delete_lease(&mut client, mac, ip)?;
            } else {
                db::upsert_lease(&mut client, mac, ip, hostname.as_deref(), env.expires, env.interface.as_deref(), env.client_id.as_deref(), env.vendor_class.as_deref())?;
            }
            client.close()?;

            if action == "add" {
                if let Err(e) = netbox::record_assignment(ip, mac, hostname.as_deref()) {
                    // NetBox is advisory; never fail the lease because of it.
                    eprintln!("lease-sync: netbox update failed: {e:#}");
                }
            }
        }
        "tftp" | "arp-add" | "arp-del" => {}
        other => anyhow::bail!("unexpected dnsmasq action {other:?}"),
    }
    Ok(())
}
