#[macro_use]
extern crate gluon_vm;

mod host;

use gluon::import::add_extern_module;
use gluon::vm::api::OwnedFunction;
use gluon::{new_vm, ThreadExt};
use postgres::NoTls;
use r2d2_postgres::PostgresConnectionManager;
use redis::Commands;
use serde::Deserialize;
use std::time::Duration;

type RuleFn = OwnedFunction<fn(String, f64) -> f64>;

#[derive(Deserialize)]
struct PendingOrder {
    id: i64,
    customer_id: String,
    total_eur: f64,
}

fn main() -> anyhow::Result<()> {
    env_logger::init();

    let manager = PostgresConnectionManager::new(std::env::var("DATABASE_URL")?.parse()?, NoTls);
    let pool = r2d2::Pool::builder()
        .max_size(4)
        .connection_timeout(Duration::from_secs(5))
        .build(manager)?;
    host::PG.set(pool.clone()).ok();

    let vm = new_vm();
    add_extern_module(&vm, "checkout", host::load);
    let rules_path =
        std::env::var("RULES_PATH").unwrap_or_else(|_| "rules/discounts.glu".to_owned());
    let source = std::fs::read_to_string(&rules_path)?;
    let (mut rule, _) = vm.run_expr::<RuleFn>("discounts", &source)?;
    log::info!("loaded discount rules from {rules_path}");

    let redis = redis::Client::open(host::redis_url())?;
    let mut queue = redis.get_connection()?;

    loop {
        let popped: Option<(String, String)> = queue.brpop("checkout:pending_discount", 5.0)?;
        let Some((_, payload)) = popped else {
            continue;
        };
        let order: PendingOrder = match serde_json::from_str(&payload) {
            Ok(o) => o,
            Err(err) => {
                log::error!("bad payload {payload:?}: {err}");
                continue;
            }
        };

        // Evaluates the merchandiser's rule; it calls back into host.rs.
        let discount = match rule.call(order.customer_id.clone(), order.total_eur) {
            Ok(d) => d.max(0.0).min(order.total_eur),
            Err(err) => {
                log::error!("rule failed for order {}: {err}", order.id);
                0.0
            }
        };
        let discount_cents = (discount * 100.0).round() as i64;

        let mut conn = pool.get()?;
        conn.execute(
            "UPDATE orders SET discount_cents = $2, discount_rule = $3 WHERE id = $1",
            &[&order.id, &discount_cents, &rules_path],
        )?;
        drop(conn);

        let _: () = queue.publish("checkout:discounted", order.id)?;
    }
}
