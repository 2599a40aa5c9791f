//! Used from Terraform as
//!
//! ```hcl
//! data "external" "subnet" {
//!   program = ["tf-subnet-allocator"]
//!   query   = { team = var.team, env = var.env, prefix_len = "24" }
//! }
//! ```
//!
//! Terraform starts this program once per data source read, writes the query
//! as a JSON object of strings on stdin and expects a JSON object of strings
//! on stdout. Anything on stderr plus a non-zero exit fails the plan.

mod ipam;

use std::collections::HashMap;
use std::io::Read;
use std::time::Duration;

use anyhow::{Context, Result};

fn run() -> Result<HashMap<String, String>> {
    let mut raw = String::new();
    std::io::stdin().read_to_string(&mut raw)?;
    let query: ipam::Query = serde_json::from_str(&raw).context("query must be a JSON object")?;

    let database_url = std::env::var("IPAM_DATABASE_URL").context("IPAM_DATABASE_URL not set")?;
    let netbox_url = std::env::var("NETBOX_URL").unwrap_or_else(|_| "https://netbox.internal".to_string());
    let netbox_token = std::env::var("NETBOX_TOKEN").context("NETBOX_TOKEN not set")?;

    let http = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(15))
        .build()?;
    let mut db = ipam::connect(&database_url)?;

    let allocation = ipam::allocate(&mut db, &query, |cidr| {
        ipam::free_in_netbox(&http, &netbox_url, &netbox_token, cidr)
    });
    db.close().context("closing IPAM connection")?;
    let allocation = allocation?;

    let mut out = HashMap::new();
    out.insert("cidr".to_string(), allocation.cidr.to_string());
    out.insert("allocation_id".to_string(), allocation.id.to_string());
    out.insert("gateway".to_string(), allocation.gateway());
    Ok(out)
}

fn main() {
    match run() {
        Ok(out) => {
            println!("{}", serde_json::to_string(&out).expect("string map serialises"));
        }
        Err(e) => {
            eprintln!("tf-subnet-allocator: {:#}", e);
            std::process::exit(1);
        }
    }
}
