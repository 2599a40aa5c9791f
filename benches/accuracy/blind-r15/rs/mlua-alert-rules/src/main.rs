mod host;

use std::io::{self, BufRead};
use std::time::Duration;

use mlua::{Function, Lua, LuaSerdeExt};
use r2d2_postgres::{postgres::NoTls, PostgresConnectionManager};

fn main() -> anyhow::Result<()> {
    let manager = PostgresConnectionManager::new(std::env::var("RULES_DB_DSN")?.parse()?, NoTls);
    let pool = r2d2::Pool::builder().max_size(4).build(manager)?;
    let http = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(5))
        .build()?;

    let lua = Lua::new();
    host::register(&lua, pool.clone(), http.clone())?;

    let mut rules: Vec<(String, Function)> = Vec::new();
    let dir = std::env::var("RULES_DIR").unwrap_or_else(|_| "rules".into());
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.extension().and_then(|e| e.to_str()) != Some("lua") {
            continue;
        }
        let name = path.file_stem().unwrap_or_default().to_string_lossy().into_owned();
        let src = std::fs::read_to_string(&path)?;
        let rule: Function = lua.load(src.as_str()).set_name(name.as_str()).eval()?;
        rules.push((name, rule));
    }

    // one JSON event per line; every rule sees every event
    for line in io::stdin().lock().lines() {
        let line = line?;
        let event: serde_json::Value = match serde_json::from_str(&line) {
            Ok(v) => v,
            Err(e) => {
                eprintln!("skipping bad event: {e}");
                continue;
            }
        };
        let lua_event = lua.to_value(&event)?;
        for (name, rule) in &rules {
            if let Err(e) = rule.call::<_, ()>(lua_event.clone()) {
                eprintln!("rule {name} failed: {e}");
            }
        }
    }
    Ok(())
}
