//! CEL policy evaluation. Rules are compiled once; a fresh Context (variables
//! plus host functions) is assembled for every login event.
//!
//! Example policy file (one rule per line, first match wins):
//!   deny      failed_logins(event.user) > 20
//!   challenge country(event.source_ip) != "DE" && event.method == "password"
//!   allow     true

use std::sync::Arc;

use anyhow::{bail, Result};
use cel_interpreter::{Context, Program, Value};

use crate::clients::Clients;
use crate::LoginEvent;

pub struct Policy {
    rules: Vec<(&'static str, Program)>,
}

impl Policy {
    pub fn compile(source: &str) -> Result<Self> {
        let mut rules = Vec::new();
        for line in source.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
            let (verdict, expr) = line.split_once(char::is_whitespace).unwrap_or((line, "false"));
            let verdict = match verdict {
                "allow" => "allow",
                "challenge" => "challenge",
                "deny" => "deny",
                other => bail!("unknown verdict {other:?}"),
            };
            let program = Program::compile(expr.trim()).map_err(|e| anyhow::anyhow!("{expr}: {e}"))?;
            rules.push((verdict, program));
        }
        Ok(Policy { rules })
    }

    pub fn rule_count(&self) -> usize {
        self.rules.len()
    }

    fn context(event: &LoginEvent, clients: &Arc<Clients>) -> Result<Context<'static>> {
        let mut ctx = Context::default();
        ctx.add_variable("event", event)?;

        let c = Arc::clone(clients);
        ctx.add_function("failed_logins", move |user: Arc<String>| c.failed_logins(&user));
        let c = Arc::clone(clients);
        ctx.add_function("country", move |ip: Arc<String>| c.country(&ip));
        Ok(ctx)
    }

    /// First matching rule wins; evaluation errors fall through to "deny".
    pub fn evaluate(&self, event: &LoginEvent, clients: &Arc<Clients>) -> &'static str {
        let Ok(ctx) = Self::context(event, clients) else { return "deny" };
        for (verdict, program) in &self.rules {
            match program.execute(&ctx) {
                Ok(Value::Bool(true)) => return verdict,
                Ok(_) => continue,
                Err(e) => {
                    log::warn!("rule for {verdict} failed: {e}");
                    return "deny";
                }
            }
        }
        "deny"
    }
}
