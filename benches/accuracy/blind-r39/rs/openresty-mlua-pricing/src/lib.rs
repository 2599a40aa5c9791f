mod tenants;

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};
use std::time::{Duration, Instant};

use mlua::prelude::*;
use mysql::prelude::*;
use serde::{Deserialize, Serialize};

/// One agent per nginx worker process, shared by every request.
static FX_AGENT: LazyLock<ureq::Agent> = LazyLock::new(|| {
    ureq::AgentBuilder::new()
        .timeout(Duration::from_secs(2))
        .max_idle_connections_per_host(4)
        .build()
});

static FX_RATES: LazyLock<Mutex<HashMap<String, (f64, Instant)>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

#[derive(Deserialize)]
struct FxResponse {
    rate: f64,
}

#[derive(Serialize)]
struct Quote {
    tenant: String,
    sku: String,
    qty: u32,
    unit_price: f64,
    total: f64,
    currency: String,
}

fn fx_rate(currency: &str) -> Result<f64, String> {
    if currency == "EUR" {
        return Ok(1.0);
    }
    if let Some((rate, at)) = FX_RATES.lock().unwrap().get(currency) {
        if at.elapsed() < Duration::from_secs(600) {
            return Ok(*rate);
        }
    }
    let base = std::env::var("FX_URL").unwrap_or_else(|_| "http://fx.internal".into());
    let resp: FxResponse = FX_AGENT
        .get(&format!("{base}/rates/EUR/{currency}"))
        .call()
        .map_err(|e| e.to_string())?
        .into_json()
        .map_err(|e| e.to_string())?;
    FX_RATES
        .lock()
        .unwrap()
        .insert(currency.to_string(), (resp.rate, Instant::now()));
    Ok(resp.rate)
}

/// pricing.quote(tenant, sku, qty, currency) — called from content_by_lua per request.
fn quote(_: &Lua, (tenant, sku, qty, currency): (String, String, u32, String)) -> LuaResult<String> {
    let pool = tenants::pool_for(&tenant).map_err(LuaError::external)?;
    let mut conn = pool.get_conn().map_err(LuaError::external)?;

    let row: Option<(f64, u32)> = conn
        .exec_first(
            "SELECT p.unit_price, COALESCE(MAX(t.min_qty), 0) \
             FROM prices p LEFT JOIN price_tiers t ON t.sku = p.sku AND t.min_qty <= ? \
             WHERE p.sku = ? GROUP BY p.unit_price",
            (qty, &sku),
        )
        .map_err(LuaError::external)?;
    let Some((unit_price, _tier)) = row else {
        return Err(LuaError::external(format!("unknown sku {sku}")));
    };

    let rate = fx_rate(&currency).map_err(LuaError::external)?;
    let unit = (unit_price * rate * 100.0).round() / 100.0;
    let q = Quote {
        tenant,
        sku,
        qty,
        unit_price: unit,
        total: unit * qty as f64,
        currency,
    };
    serde_json::to_string(&q).map_err(LuaError::external)
}

#[mlua::lua_module]
fn pricing(lua: &Lua) -> LuaResult<LuaTable> {
    let exports = lua.create_table()?;
    exports.set("quote", lua.create_function(quote)?)?;
    exports.set("tenants", lua.create_function(|_, ()| Ok(tenants::allowed().join(",")))?)?;
    Ok(exports)
}
