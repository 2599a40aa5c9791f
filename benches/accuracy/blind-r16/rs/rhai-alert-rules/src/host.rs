use std::sync::{Arc, Mutex};

use redis::Commands;
use rhai::{Engine, EvalAltResult};

use crate::audit::Audit;

pub struct HostCtx {
    pub pg: Arc<Mutex<postgres::Client>>,
    pub redis_url: String,
    pub pager_url: String,
    pub audit: Arc<Mutex<Audit>>,
}

fn redis_conn(url: &str) -> Result<redis::Connection, Box<EvalAltResult>> {
    let client = redis::Client::open(url).map_err(|e| e.to_string())?;
    Ok(client.get_connection().map_err(|e| e.to_string())?)
}

/// Exposes the host API to rule scripts. Called once at start-up.
pub fn register(engine: &mut Engine, ctx: &HostCtx) {
    let pg = ctx.pg.clone();
    engine.register_fn("owner_of", move |service: &str| -> Result<String, Box<EvalAltResult>> {
        let mut client = pg.lock().unwrap();
        let row = client
            .query_opt("SELECT team FROM service_owners WHERE service = $1", &[&service])
            .map_err(|e| e.to_string())?;
        Ok(row.map(|r| r.get::<_, String>(0)).unwrap_or_else(|| "sre".to_string()))
    });

    let redis_url = ctx.redis_url.clone();
    engine.register_fn("bump", move |key: &str, window_secs: i64| -> Result<i64, Box<EvalAltResult>> {
        let mut conn = redis_conn(&redis_url)?;
        let n: i64 = conn.incr(key, 1).map_err(|e| e.to_string())?;
        if n == 1 {
            let _: () = conn.expire(key, window_secs).map_err(|e| e.to_string())?;
        }
        Ok(n)
    });

    let pager_url = ctx.pager_url.clone();
    let audit = ctx.audit.clone();
    engine.register_fn("page", move |team: &str, text: &str| -> Result<bool, Box<EvalAltResult>> {
        let http = reqwest::blocking::Client::new();
        let resp = http
            .post(&pager_url)
            .json(&serde_json::json!({ "team": team, "summary": text, "source": "alertd" }))
            .send()
            .map_err(|e| e.to_string())?;
        let ok = resp.status().is_success();
        audit.lock().unwrap().record(team, text, ok);
        Ok(ok)
    });
}
