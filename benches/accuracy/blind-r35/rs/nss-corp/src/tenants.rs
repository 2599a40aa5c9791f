//! Project groups live in each customer tenant's own directory API, reached
//! with that tenant's client certificate. One agent per tenant, cached for
//! the life of the process.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex};
use std::time::Duration;

use libnss::group::Group;
use serde::Deserialize;

const TENANTS_DIR: &str = "/etc/nss_corp/tenants";

static AGENTS: LazyLock<Mutex<HashMap<String, ureq::Agent>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

#[derive(Deserialize)]
struct ApiGroup {
    name: String,
    gid: u32,
    members: Vec<String>,
}

type Res<T> = Result<T, Box<dyn std::error::Error>>;

fn agent_for(tenant: &str) -> Res<ureq::Agent> {
    let mut agents = AGENTS.lock().unwrap();
    if let Some(a) = agents.get(tenant) {
        return Ok(a.clone());
    }
    let pkcs12 = std::fs::read(format!("{TENANTS_DIR}/{tenant}.p12"))?;
    let identity = native_tls::Identity::from_pkcs12(&pkcs12, "")?;
    let tls = native_tls::TlsConnector::builder().identity(identity).build()?;
    let agent = ureq::AgentBuilder::new()
        .tls_connector(Arc::new(tls))
        .timeout(Duration::from_secs(2))
        .build();
    agents.insert(tenant.to_string(), agent.clone());
    Ok(agent)
}

/// Tenant groups are named `<tenant>-<project>`, gids are allocated in
/// blocks of 10000 per tenant (see tenants.map).
fn tenant_of_name(name: &str) -> Option<&str> {
    name.split_once('-').map(|(t, _)| t)
}

fn tenant_of_gid(gid: u32) -> Res<Option<String>> {
    let map = std::fs::read_to_string(format!("{TENANTS_DIR}/tenants.map"))?;
    Ok(map.lines().find_map(|l| {
        let (tenant, base) = l.split_once(' ')?;
        let base: u32 = base.trim().parse().ok()?;
        (gid >= base && gid < base + 10_000).then(|| tenant.to_string())
    }))
}

fn fetch(tenant: &str, query: &str) -> Res<Option<Group>> {
    let agent = agent_for(tenant)?;
    let resp = agent
        .get(&format!("https://dir.{tenant}.tenants.corp/v1/posix-groups"))
        .query("q", query)
        .call();
    let group: ApiGroup = match resp {
        Ok(r) => r.into_json()?,
        Err(ureq::Error::Status(404, _)) => return Ok(None),
        Err(e) => return Err(e.into()),
    };
    Ok(Some(Group { name: group.name, passwd: "x".into(), gid: group.gid, members: group.members }))
}

pub fn group_by_name(name: &str) -> Res<Option<Group>> {
    match tenant_of_name(name) {
        Some(tenant) => fetch(tenant, &format!("name:{name}")),
        None => Ok(None),
    }
}

pub fn group_by_gid(gid: libc::gid_t) -> Res<Option<Group>> {
    match tenant_of_gid(gid)? {
        Some(tenant) => fetch(&tenant, &format!("gid:{gid}")),
        None => Ok(None),
    }
}
