use anyhow::{bail, Result};
use ipnet::Ipv4Net;
use postgres::{Client, NoTls};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
pub struct Query {
    pub team: String,
    pub env: String,
    #[serde(default = "default_prefix")]
    pub prefix_len: String,
}

fn default_prefix() -> String {
    "24".to_string()
}

pub struct Allocation {
    pub id: i64,
    pub cidr: Ipv4Net,
}

impl Allocation {
    pub fn gateway(&self) -> String {
        self.cidr.hosts().next().map(|ip| ip.to_string()).unwrap_or_default()
    }
}

/// Called once per process from `run`.
pub fn connect(database_url: &str) -> Result<Client> {
    let client = Client::connect(database_url, NoTls)?;
    Ok(client)
}

/// Returns the existing allocation for (team, env) or carves the first free
/// block out of the environment's supernet. Idempotent across plans.
pub fn allocate<F>(db: &mut Client, q: &Query, is_free_upstream: F) -> Result<Allocation>
where
    F: Fn(&Ipv4Net) -> Result<bool>,
{
    let prefix_len: u8 = q.prefix_len.parse()?;
    let mut tx = db.transaction()?;

    if let Some(row) = tx.query_opt(
        "SELECT id, cidr::text FROM allocations WHERE team = $1 AND env = $2",
        &[&q.team, &q.env],
    )? {
        let cidr: String = row.get(1);
        return Ok(Allocation { id: row.get(0), cidr: cidr.parse()? });
    }

    let supernet: String = tx
        .query_one("SELECT supernet::text FROM environments WHERE name = $1 FOR UPDATE", &[&q.env])?
        .get(0);
    let supernet: Ipv4Net = supernet.parse()?;
    let taken: Vec<String> = tx
        .query("SELECT cidr::text FROM allocations WHERE env = $1", &[&q.env])?
        .iter()
        .map(|r| r.get(0))
        .collect();

    for candidate in supernet.subnets(prefix_len)? {
        let overlaps = taken
            .iter()
            .filter_map(|t| t.parse::<Ipv4Net>().ok())
            .any(|t| t.contains(&candidate) || candidate.contains(&t));
        if overlaps || !is_free_upstream(&candidate)? {
            continue;
        }
        let id: i64 = tx
            .query_one(
                "INSERT INTO allocations (team, env, cidr) VALUES ($1, $2, $3::cidr) RETURNING id",
                &[&q.team, &q.env, &candidate.to_string()],
            )?
            .get(0);
        tx.commit()?;
        return Ok(Allocation { id, cidr: candidate });
    }
    bail!("no free /{} left in {} for {}", prefix_len, supernet, q.env)
}

/// NetBox is the source of truth for anything allocated by hand.
pub fn free_in_netbox(
    http: &reqwest::blocking::Client,
    base: &str,
    token: &str,
    cidr: &Ipv4Net,
) -> Result<bool> {
    let resp: serde_json::Value = http
        .get(format!("{}/api/ipam/prefixes/", base))
        .header("Authorization", format!("Token {}", token))
        .query(&[("within_include", cidr.to_string())])
        .send()?
        .error_for_status()?
        .json()?;
    Ok(resp["count"].as_u64() == Some(0))
}
