use mlua::{Lua, LuaSerdeExt, Result as LuaResult};
use r2d2_postgres::{postgres::NoTls, PostgresConnectionManager};

type Pool = r2d2::Pool<PostgresConnectionManager<NoTls>>;

/// Exposes host functions to rule scripts. Called once at start-up; the closures
/// below run on every call a rule makes and only borrow from the shared pool/client.
pub fn register(lua: &Lua, pool: Pool, http: reqwest::blocking::Client) -> LuaResult<()> {
    let globals = lua.globals();

    let db = pool.clone();
    let last_value = lua.create_function(move |_, (metric, host): (String, String)| {
        let mut conn = db.get().map_err(mlua::Error::external)?;
        let row = conn
            .query_opt(
                "SELECT value FROM readings WHERE metric = $1 AND host = $2 ORDER BY at DESC LIMIT 1",
                &[&metric, &host],
            )
            .map_err(mlua::Error::external)?;
        Ok(row.map(|r| r.get::<_, f64>(0)))
    })?;
    globals.set("last_value", last_value)?;

    let db = pool;
    let raise_alert = lua.create_function(move |_, (rule, host, message): (String, String, String)| {
        let mut conn = db.get().map_err(mlua::Error::external)?;
        conn.execute(
            "INSERT INTO alerts (rule, host, message, raised_at) VALUES ($1, $2, $3, now()) \
             ON CONFLICT (rule, host) WHERE resolved_at IS NULL DO NOTHING",
            &[&rule, &host, &message],
        )
        .map_err(mlua::Error::external)?;
        Ok(())
    })?;
    globals.set("raise_alert", raise_alert)?;

    let webhook = std::env::var("ALERT_WEBHOOK").unwrap_or_default();
    let notify = lua.create_function(move |lua, payload: mlua::Value| {
        let body: serde_json::Value = lua.from_value(payload)?;
        http.post(&webhook)
            .json(&body)
            .send()
            .and_then(|r| r.error_for_status())
            .map_err(mlua::Error::external)?;
        Ok(())
    })?;
    globals.set("notify", notify)?;

    Ok(())
}
