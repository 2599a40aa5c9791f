use anyhow::anyhow;
use serde::Deserialize;
use serde_json::{json, Value};

pub struct Ctx {
    pub pool: oracle::pool::Pool,
    pub region: String,
}

/// A command handler contributed by a module under `plugins/`.
pub struct Command {
    pub name: &'static str,
    pub run: fn(&Ctx, &Value) -> anyhow::Result<Value>,
}

inventory::collect!(Command);

#[derive(Deserialize)]
struct Envelope {
    id: u64,
    command: String,
    #[serde(default)]
    args: Value,
}

pub fn dispatch(ctx: &Ctx, raw: &str) -> String {
    let env: Envelope = match serde_json::from_str(raw) {
        Ok(env) => env,
        Err(err) => return json!({ "ok": false, "error": format!("malformed request: {err}") }).to_string(),
    };

    let result = inventory::iter::<Command>
        .into_iter()
        .find(|cmd| cmd.name == env.command)
        .map(|cmd| (cmd.run)(ctx, &env.args))
        .unwrap_or_else(|| Err(anyhow!("unknown command {}", env.command)));

    match result {
        Ok(data) => json!({ "id": env.id, "ok": true, "data": data }).to_string(),
        Err(err) => {
            log::warn!("command {} failed: {err:#}", env.command);
            json!({ "id": env.id, "ok": false, "error": err.to_string() }).to_string()
        }
    }
}

pub fn registered() -> Vec<&'static str> {
    inventory::iter::<Command>.into_iter().map(|cmd| cmd.name).collect()
}
