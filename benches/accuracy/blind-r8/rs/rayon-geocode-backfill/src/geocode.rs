use serde::Deserialize;

#[derive(Debug, Deserialize)]
pub struct Row {
    pub store_id: i64,
    pub address: String,
}

#[derive(Debug)]
pub struct Located {
    pub store_id: i64,
    pub lat: f64,
    pub lon: f64,
}

#[derive(Deserialize)]
struct Hit {
    lat: String,
    lon: String,
}

/// `agent` is shared by every rayon worker; ureq::Agent is Send + Sync and
/// keeps one connection pool for all of them.
pub fn lookup(agent: &ureq::Agent, base: &str, row: &Row) -> Option<Located> {
    let hits: Vec<Hit> = agent
        .get(&format!("{base}/search"))
        .query("q", &row.address)
        .query("format", "json")
        .query("limit", "1")
        .call()
        .ok()?
        .into_json()
        .ok()?;
    let hit = hits.into_iter().next()?;
    Some(Located {
        store_id: row.store_id,
        lat: hit.lat.parse().ok()?,
        lon: hit.lon.parse().ok()?,
    })
}
