use std::sync::Arc;

use anyhow::Result;
use cel_interpreter::{Context, Program, Value};
use redis::Commands;

use crate::clients::RedisPool;
use crate::AccessRequest;

pub struct Rule {
    pub name: String,
    pub program: Program,
}

/// Compiled once at start-up.
pub fn load_rules(dir: &str) -> Result<Vec<Rule>> {
    let mut rules = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.extension().and_then(|e| e.to_str()) != Some("cel") {
            continue;
        }
        let source = std::fs::read_to_string(&path)?;
        let program = Program::compile(&source).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        rules.push(Rule { name, program });
    }
    Ok(rules)
}

/// Per-request evaluation context. The host functions only borrow a pooled
/// connection for the duration of one call.
pub fn context_for(req: &AccessRequest, pool: RedisPool) -> Result<Context<'static>> {
    let mut ctx = Context::default();
    ctx.add_variable("request", req)?;

    let failures_pool = pool.clone();
    ctx.add_function("recent_failures", move |user: Arc<String>| -> i64 {
        let Ok(mut con) = failures_pool.get() else { return i64::MAX };
        con.get::<_, Option<i64>>(format!("authfail:{user}"))
            .ok()
            .flatten()
            .unwrap_or(0)
    });

    ctx.add_function("in_group", move |user: Arc<String>, group: Arc<String>| -> bool {
        let Ok(mut con) = pool.get() else { return false };
        con.sismember(format!("group:{group}"), user.as_str()).unwrap_or(false)
    });

    Ok(ctx)
}

pub fn first_denial(rules: &[Rule], ctx: &Context) -> Option<String> {
    rules.iter().find_map(|rule| match rule.program.execute(ctx) {
        Ok(Value::Bool(true)) => None,
        Ok(_) | Err(_) => Some(rule.name.clone()),
    })
}
