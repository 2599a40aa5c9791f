//! Loaded once into the checkout-service JVM (Spring Boot). The Java side
//! declares `public static native Instance scoreOrder(Instance<String> orderJson)`
//! in `com.acme.checkout.risk.RiskNative`, and `CheckoutController.placeOrder`
//! calls it for every checkout request on a Tomcat worker thread.

mod cache;
mod db;
mod geo;

use std::convert::TryFrom;

use j4rs::prelude::*;
use j4rs_derive::call_from_java;
use serde::{Deserialize, Serialize};

#[derive(Deserialize)]
struct Order {
    order_id: String,
    customer_id: i64,
    amount_cents: i64,
    currency: String,
    client_ip: String,
}

#[derive(Serialize)]
struct Verdict {
    order_id: String,
    score: u32,
    action: &'static str,
    reasons: Vec<String>,
}

fn to_java(value: String) -> Result<Instance, String> {
    let arg = InvocationArg::try_from(value).map_err(|e| e.to_string())?;
    Instance::try_from(arg).map_err(|e| e.to_string())
}

#[call_from_java("com.acme.checkout.risk.RiskNative.scoreOrder")]
fn score_order(order_json: Instance) -> Result<Instance, String> {
    let jvm = Jvm::attach_thread().map_err(|e| e.to_string())?;
    let raw: String = jvm.to_rust(order_json).map_err(|e| e.to_string())?;
    let order: Order = serde_json::from_str(&raw).map_err(|e| e.to_string())?;

    let verdict = score(&order).map_err(|e| format!("risk scoring failed: {e}"))?;
    to_java(serde_json::to_string(&verdict).map_err(|e| e.to_string())?)
}

#[call_from_java("com.acme.checkout.risk.RiskNative.clearVelocity")]
fn clear_velocity(customer_id: Instance) {
    let Ok(jvm) = Jvm::attach_thread() else { return };
    if let Ok(id) = jvm.to_rust::<i64>(customer_id) {
        let _ = cache::reset_velocity(id);
    }
}

fn score(order: &Order) -> Result<Verdict, Box<dyn std::error::Error>> {
    let mut reasons = Vec::new();
    let mut score = 0u32;

    let mut pg = db::connect()?;
    let history = pg.query_one(
        "SELECT count(*) FILTER (WHERE chargeback) AS chargebacks,
                count(*) AS orders,
                coalesce(max(amount_cents), 0) AS largest
           FROM orders
          WHERE customer_id = $1",
        &[&order.customer_id],
    )?;
    let chargebacks: i64 = history.get("chargebacks");
    let orders: i64 = history.get("orders");
    let largest: i64 = history.get("largest");

    if chargebacks > 0 {
        score += 40;
        reasons.push(format!("{chargebacks} previous chargebacks"));
    }
    if orders < 2 && order.amount_cents > 50_000 {
        score += 25;
        reasons.push("large first order".into());
    }
    if largest > 0 && order.amount_cents > largest * 5 {
        score += 15;
        reasons.push("amount far above customer history".into());
    }

    let velocity = cache::bump_velocity(order.customer_id)?;
    if velocity > 5 {
        score += 20;
        reasons.push(format!("{velocity} orders in the last hour"));
    }

    if let Some(country) = geo::country_of(&order.client_ip)? {
        let billing: Option<String> = pg
            .query_opt("SELECT billing_country FROM customers WHERE id = $1", &[&order.customer_id])?
            .map(|r| r.get(0));
        if billing.as_deref().is_some_and(|b| b != country) {
            score += 10;
            reasons.push(format!("ip country {country} differs from billing country"));
        }
    }

    pg.execute(
        "INSERT INTO risk_decisions (order_id, score, currency) VALUES ($1, $2, $3)",
        &[&order.order_id, &(score as i32), &order.currency],
    )?;

    let action = match score {
        0..=29 => "approve",
        30..=59 => "review",
        _ => "decline",
    };
    Ok(Verdict { order_id: order.order_id.clone(), score, action, reasons })
}
