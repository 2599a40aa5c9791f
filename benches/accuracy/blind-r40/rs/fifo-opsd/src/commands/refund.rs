use linkme::distributed_slice;
use mysql::prelude::Queryable;
use mysql::TxOpts;

use super::{Command, COMMANDS};
use crate::services::Services;

#[distributed_slice(COMMANDS)]
static REFUND: Command = Command { name: "refund", run: refund };

/// refund <order_id> <amount_cents> <reason...>
fn refund(svc: &Services, args: &[&str]) -> anyhow::Result<()> {
    let [order_id, amount, reason @ ..] = args else {
        anyhow::bail!("usage: refund <order_id> <amount_cents> <reason>");
    };
    let order_id: u64 = order_id.parse()?;
    let amount: i64 = amount.parse()?;
    let reason = reason.join(" ");

    let response: serde_json::Value = svc
        .http
        .post(&format!("{}/refunds", svc.payments_url))
        .send_json(serde_json::json!({ "order_id": order_id, "amount": amount, "reason": reason }))?
        .into_json()?;
    let refund_id = response["id"].as_str().unwrap_or_default().to_owned();

    let mut conn = svc.db.get_conn()?;
    let mut tx = conn.start_transaction(TxOpts::default())?;
    tx.exec_drop(
        "INSERT INTO refunds (order_id, psp_refund_id, amount_cents, reason) VALUES (?, ?, ?, ?)",
        (order_id, &refund_id, amount, &reason),
    )?;
    tx.exec_drop(
        "UPDATE orders SET refunded_cents = refunded_cents + ? WHERE id = ?",
        (amount, order_id),
    )?;
    tx.commit()?;
    Ok(())
}
