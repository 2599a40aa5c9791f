//! `require "geo_edge"` from OpenResty. `lookup` and `allow` run in the
//! access phase of every proxied API request, inside each nginx worker.

mod db;
mod limits;

use mlua::prelude::*;
use mysql::prelude::*;

fn lookup(lua: &Lua, ip: String) -> LuaResult<LuaTable> {
    let pool = db::pool().map_err(LuaError::external)?;
    let mut conn = pool.get_conn().map_err(LuaError::external)?;

    let row: Option<(String, String)> = conn
        .exec_first(
            "SELECT country_code, region FROM ip_ranges \
             WHERE INET6_ATON(?) BETWEEN range_start AND range_end LIMIT 1",
            (ip,),
        )
        .map_err(LuaError::external)?;

    let result = lua.create_table()?;
    if let Some((country, region)) = row {
        result.set("country", country)?;
        result.set("region", region)?;
    }
    Ok(result)
}

fn allow(_lua: &Lua, (api_key, per_minute): (String, u32)) -> LuaResult<bool> {
    limits::check(&api_key, per_minute).map_err(LuaError::external)
}

#[mlua::lua_module]
fn geo_edge(lua: &Lua) -> LuaResult<LuaTable> {
    let exports = lua.create_table()?;
    exports.set("lookup", lua.create_function(lookup)?)?;
    exports.set("allow", lua.create_function(allow)?)?;
    Ok(exports)
}
