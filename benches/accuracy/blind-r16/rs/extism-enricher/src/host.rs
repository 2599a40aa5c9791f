//! Host functions exported to enrichment plugins. Their state is created once in
//! `main` and shared with every call through `UserData`.

use std::time::Duration;

use extism::{host_fn, Function, UserData, PTR};
use redis::Commands;

host_fn!(pub asset_owner(db: postgres::Client; hostname: String) -> String {
    let db = db.get()?;
    let mut db = db.lock().unwrap();
    let row = db.query_opt(
        "SELECT owner_team FROM assets WHERE hostname = $1",
        &[&hostname],
    )?;
    Ok(row.map(|r| r.get::<_, String>(0)).unwrap_or_default())
});

host_fn!(pub cache_get(cache: redis::Connection; key: String) -> String {
    let cache = cache.get()?;
    let mut conn = cache.lock().unwrap();
    let v: Option<String> = conn.get(format!("enrich:{key}"))?;
    Ok(v.unwrap_or_default())
});

host_fn!(pub cache_put(cache: redis::Connection; key: String, value: String) -> String {
    let cache = cache.get()?;
    let mut conn = cache.lock().unwrap();
    let _: () = conn.set_ex(format!("enrich:{key}"), value, 3600)?;
    Ok(String::new())
});

host_fn!(pub http_get(agent: ureq::Agent; url: String) -> String {
    let agent = agent.get()?;
    let agent = agent.lock().unwrap().clone();
    let body = agent.get(&url).timeout(Duration::from_secs(3)).call()?.into_string()?;
    Ok(body)
});

pub fn functions(db: postgres::Client, cache: redis::Connection, agent: ureq::Agent) -> Vec<Function> {
    let db = UserData::new(db);
    let cache = UserData::new(cache);
    let agent = UserData::new(agent);
    vec![
        Function::new("asset_owner", [PTR], [PTR], db, asset_owner),
        Function::new("cache_get", [PTR], [PTR], cache.clone(), cache_get),
        Function::new("cache_put", [PTR, PTR], [PTR], cache, cache_put),
        Function::new("http_get", [PTR], [PTR], agent, http_get),
    ]
}
