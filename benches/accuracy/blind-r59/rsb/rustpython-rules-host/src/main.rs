//! carrier-rules: pops one packed order at a time from the `orders:packed`
//! Redis list and calls the Python function `choose_carrier(...)` from
//! rules/carrier.py for it. The rules call back into Rust through the
//! `shipping` native module (host.rs).

mod host;
mod store;

use anyhow::{anyhow, Context, Result};
use redis::Commands;
use rustpython_vm::compiler::Mode;
use rustpython_vm::{Interpreter, Settings};
use serde::Deserialize;

#[derive(Deserialize)]
struct PackedOrder {
    order_id: String,
    warehouse: String,
    country: String,
    weight_g: i64,
    skus: Vec<String>,
}

fn main() -> Result<()> {
    env_logger::init();

    // Pools and HTTP client are created here, once, before any rule runs.
    store::init()?;

    let redis_url = std::env::var("QUEUE_REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".into());
    let mut queue = redis::Client::open(redis_url)?.get_connection().context("queue redis")?;

    let rules_path = std::env::var("RULES").unwrap_or_else(|_| "rules/carrier.py".into());
    let source = std::fs::read_to_string(&rules_path)?;

    let interp = Interpreter::with_init(Settings::default(), |vm| {
        vm.add_native_module("shipping".to_owned(), Box::new(host::shipping::make_module));
    });

    interp.enter(|vm| -> Result<()> {
        let scope = vm.new_scope_with_builtins();
        let code = vm
            .compile(&source, Mode::Exec, rules_path.clone())
            .map_err(|e| anyhow!("rules do not compile: {e}"))?;
        vm.run_code_obj(code, scope.clone()).map_err(|exc| {
            vm.print_exception(exc);
            anyhow!("rules failed to load")
        })?;
        let choose = scope
            .globals
            .get_item("choose_carrier", vm)
            .map_err(|_| anyhow!("rules must define choose_carrier"))?;

        loop {
            let (_list, raw): (String, String) = queue.brpop("orders:packed", 0.0)?;
            let order: PackedOrder = match serde_json::from_str(&raw) {
                Ok(o) => o,
                Err(e) => {
                    log::warn!("skipping malformed order: {e}");
                    continue;
                }
            };

            let args = (
                vm.ctx.new_str(order.order_id.as_str()),
                vm.ctx.new_str(order.warehouse.as_str()),
                vm.ctx.new_str(order.country.as_str()),
                vm.ctx.new_int(order.weight_g),
                vm.ctx.new_str(order.skus.join(",")),
            );
            let carrier = match choose.call(args, vm).and_then(|r| r.try_into_value::<String>(vm)) {
                Ok(c) => c,
                Err(exc) => {
                    vm.print_exception(exc);
                    "manual-review".to_string()
                }
            };
            store::assign_carrier(&order.order_id, &carrier)?;
            let _: () = queue.lpush("orders:labelled", &order.order_id)?;
        }
    })
}
