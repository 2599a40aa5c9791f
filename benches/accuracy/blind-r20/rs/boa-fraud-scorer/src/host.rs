//! Native functions the rules can call. They run once per rule evaluation,
//! so they only ever borrow clients that were created up front or cached.
use std::collections::HashMap;
use std::sync::{LazyLock, Mutex, OnceLock};
use std::time::Duration;

use boa_engine::{Context, JsArgs, JsNativeError, JsResult, JsValue};
use mysql::prelude::Queryable;
use mysql::{Opts, Pool, PoolConstraints, PoolOpts};
use redis::Commands;

static RISK_DB: OnceLock<Pool> = OnceLock::new();

static GEO: LazyLock<ureq::Agent> =
    LazyLock::new(|| ureq::AgentBuilder::new().timeout(Duration::from_millis(300)).build());

/// Velocity counters live in each tenant's own Redis; one connection per tenant is
/// opened on first use and kept for the life of the process (dropped only if it breaks).
static TENANT_REDIS: LazyLock<Mutex<HashMap<String, redis::Connection>>> = LazyLock::new(|| Mutex::new(HashMap::new()));

/// Called once from main.
pub fn init(url: &str) -> anyhow::Result<()> {
    let constraints = PoolConstraints::new(1, 8).expect("1 <= 8");
    let opts = mysql::OptsBuilder::from_opts(Opts::from_url(url)?)
        .pool_opts(PoolOpts::default().with_constraints(constraints));
    let pool = Pool::new(opts)?;
    RISK_DB.set(pool).map_err(|_| anyhow::anyhow!("init called twice"))?;
    Ok(())
}

fn js_err(e: impl std::fmt::Display) -> boa_engine::JsError {
    JsNativeError::error().with_message(e.to_string()).into()
}

fn arg_string(args: &[JsValue], i: usize, ctx: &mut Context) -> JsResult<String> {
    Ok(args.get_or_undefined(i).to_string(ctx)?.to_std_string_escaped())
}

fn with_tenant_redis<T>(
    tenant: &str,
    f: impl FnOnce(&mut redis::Connection) -> redis::RedisResult<T>,
) -> anyhow::Result<T> {
    let mut map = TENANT_REDIS.lock().unwrap();
    if !map.contains_key(tenant) {
        let url = std::env::var(format!("REDIS_URL_{}", tenant.to_uppercase()))?;
        let conn = redis::Client::open(url)?.get_connection_with_timeout(Duration::from_millis(500))?;
        map.insert(tenant.to_owned(), conn);
    }
    let conn = map.get_mut(tenant).expect("just inserted");
    match f(conn) {
        Ok(v) => Ok(v),
        Err(e) => {
            if e.is_connection_dropped() || e.is_io_error() {
                map.remove(tenant);
            }
            Err(e.into())
        }
    }
}

pub fn velocity(_this: &JsValue, args: &[JsValue], ctx: &mut Context) -> JsResult<JsValue> {
    let tenant = arg_string(args, 0, ctx)?;
    let card = arg_string(args, 1, ctx)?;
    let key = format!("vel:{card}");
    let n: i64 = with_tenant_redis(&tenant, |conn| {
        let n: i64 = conn.incr(&key, 1)?;
        if n == 1 {
            let _: () = conn.expire(&key, 3600)?;
        }
        Ok(n)
    })
    .map_err(js_err)?;
    Ok(JsValue::from(n as f64))
}

pub fn merchant_risk(_this: &JsValue, args: &[JsValue], ctx: &mut Context) -> JsResult<JsValue> {
    let merchant = arg_string(args, 0, ctx)?;
    let pool = RISK_DB.get().ok_or_else(|| js_err("risk db not initialised"))?;
    let mut conn = pool.get_conn().map_err(js_err)?;
    let band: Option<String> = conn
        .exec_first("SELECT risk_band FROM merchants WHERE id = ?", (merchant,))
        .map_err(js_err)?;
    Ok(JsValue::from(boa_engine::JsString::from(band.unwrap_or_else(|| "unknown".into()).as_str())))
}

pub fn geo_mismatch(_this: &JsValue, args: &[JsValue], ctx: &mut Context) -> JsResult<JsValue> {
    let ip = arg_string(args, 0, ctx)?;
    let country = arg_string(args, 1, ctx)?;
    let resp: serde_json::Value = GEO
        .get(&format!("http://geoip.internal:8080/v1/{ip}"))
        .call()
        .map_err(js_err)?
        .into_json()
        .map_err(js_err)?;
    let ip_country = resp.get("country").and_then(|c| c.as_str()).unwrap_or("");
    Ok(JsValue::from(!ip_country.is_empty() && ip_country != country))
}
