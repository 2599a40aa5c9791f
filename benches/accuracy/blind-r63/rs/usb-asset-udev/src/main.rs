//! usb-asset event      — invoked by udev (RUN+=) for one add/remove event, env from udev
//! usb-asset reconcile  — invoked by a systemd timer once a day

mod db;
mod schema;

use anyhow::{bail, Result};
use chrono::Utc;
use diesel::prelude::*;

use schema::{usb_allowlist, usb_attached, usb_events};

#[derive(Insertable)]
#[diesel(table_name = usb_events)]
struct NewEvent<'a> {
    host: &'a str,
    action: &'a str,
    vendor_id: &'a str,
    product_id: &'a str,
    serial: Option<&'a str>,
    model: Option<&'a str>,
    devpath: &'a str,
    at: chrono::DateTime<Utc>,
}

fn hostname() -> String {
    std::fs::read_to_string("/etc/hostname").map(|h| h.trim().to_string()).unwrap_or_default()
}

fn env(key: &str) -> String {
    std::env::var(key).unwrap_or_default()
}

fn main() -> Result<()> {
    match std::env::args().nth(1).as_deref() {
        Some("event") => event(),
        Some("reconcile") => reconcile(),
        _ => bail!("usage: usb-asset event|reconcile"),
    }
}

fn event() -> Result<()> {
    let host = hostname();
    let (action, devpath) = (env("ACTION"), env("DEVPATH"));
    let (vendor, product) = (env("ID_VENDOR_ID"), env("ID_MODEL_ID"));
    let (serial, model) = (std::env::var("ID_SERIAL_SHORT").ok(), std::env::var("ID_MODEL").ok());

    let mut conn = db::establish()?;
    conn.transaction::<_, diesel::result::Error, _>(|conn| {
        diesel::insert_into(usb_events::table)
            .values(&NewEvent {
                host: &host,
                action: &action,
                vendor_id: &vendor,
                product_id: &product,
                serial: serial.as_deref(),
                model: model.as_deref(),
                devpath: &devpath,
                at: Utc::now(),
            })
            .execute(conn)?;

        if action == "add" {
            diesel::insert_into(usb_attached::table)
                .values((
                    usb_attached::host.eq(&host),
                    usb_attached::devpath.eq(&devpath),
                    usb_attached::vendor_id.eq(&vendor),
                    usb_attached::product_id.eq(&product),
                    usb_attached::serial.eq(serial.as_deref()),
                    usb_attached::since.eq(Utc::now()),
                ))
                .on_conflict((usb_attached::host, usb_attached::devpath))
                .do_nothing()
                .execute(conn)?;

            let allowed: i64 = usb_allowlist::table
                .filter(usb_allowlist::vendor_id.eq(&vendor))
                .filter(usb_allowlist::product_id.eq(&product))
                .count()
                .get_result(conn)?;
            if allowed == 0 {
                eprintln!("usb-asset: {vendor}:{product} on {host} is not on the allow-list");
            }
        } else {
            diesel::delete(
                usb_attached::table
                    .filter(usb_attached::host.eq(&host))
                    .filter(usb_attached::devpath.eq(&devpath)),
            )
            .execute(conn)?;
        }
        Ok(())
    })?;
    Ok(())
}

fn reconcile() -> Result<()> {
    let host = hostname();
    let mut present: Vec<String> = Vec::new();
    for entry in std::fs::read_dir("/sys/bus/usb/devices")? {
        let path = entry?.path();
        if path.join("idVendor").exists() {
            // udev's DEVPATH is the sysfs path without the /sys prefix
            let real = std::fs::canonicalize(&path)?;
            present.push(real.to_string_lossy().trim_start_matches("/sys").to_string());
        }
    }

    let mut conn = db::establish()?;
    let removed = diesel::delete(
        usb_attached::table
            .filter(usb_attached::host.eq(&host))
            .filter(usb_attached::devpath.ne_all(&present)),
    )
    .execute(&mut conn)?;
    println!("reconcile {host}: {} present, {removed} stale rows removed", present.len());
    Ok(())
}
