mod clients;
mod host;

use std::cell::RefCell;
use std::io::BufRead;

use serde::Deserialize;
use starlark::environment::{GlobalsBuilder, Module};
use starlark::eval::Evaluator;
use starlark::syntax::{AstModule, Dialect};

use host::{host_functions, Host};

#[derive(Debug, Deserialize)]
struct Order {
    id: String,
    customer_id: String,
    amount_cents: i32,
    country: String,
}

fn main() -> anyhow::Result<()> {
    env_logger::init();

    let rules_path = std::env::var("RULES_PATH").unwrap_or_else(|_| "rules/holds.star".into());
    let rules_src = std::fs::read_to_string(&rules_path)?;

    let host = Host {
        pool: clients::erp_pool()?,
        agent: clients::http_agent(),
        hold_url: std::env::var("HOLD_URL")
            .unwrap_or_else(|_| "http://orders.internal/api/holds".into()),
        holds: RefCell::new(Vec::new()),
    };
    let globals = GlobalsBuilder::standard().with(host_functions).build();

    // Orders arrive as NDJSON from the order-router sidecar.
    for line in std::io::stdin().lock().lines() {
        let line = line?;
        let order: Order = match serde_json::from_str(&line) {
            Ok(o) => o,
            Err(e) => {
                log::warn!("skipping malformed order: {e}");
                continue;
            }
        };

        let module = Module::new();
        module.set("order_id", module.heap().alloc(order.id.as_str()));
        module.set("customer_id", module.heap().alloc(order.customer_id.as_str()));
        module.set("amount_cents", module.heap().alloc(order.amount_cents));
        module.set("country", module.heap().alloc(order.country.as_str()));

        let ast = AstModule::parse(&rules_path, rules_src.clone(), &Dialect::Standard)
            .map_err(|e| anyhow::anyhow!("rules do not parse: {e}"))?;
        host.holds.borrow_mut().clear();
        {
            let mut eval = Evaluator::new(&module);
            eval.extra = Some(&host);
            if let Err(e) = eval.eval_module(ast, &globals) {
                log::error!("rule evaluation failed for {}: {e}", order.id);
                continue;
            }
        }
        let holds = host.holds.borrow();
        if holds.is_empty() {
            println!("{}\tRELEASE", order.id);
        } else {
            println!("{}\tHOLD\t{}", order.id, holds.join("; "));
        }
    }
    Ok(())
}
