use anyhow::anyhow;
use serde_json::{json, Value};

use crate::db;
use crate::plugin::{Command, Ctx};

fn order_status(_ctx: &Ctx, args: &Value) -> anyhow::Result<Value> {
    let order_id = args["order_id"].as_i64().ok_or_else(|| anyhow!("order_id is required"))?;
    let conn = db::connect()?;
    let (status, carrier) = conn.query_row_as::<(String, Option<String>)>(
        "SELECT status, carrier_code FROM sales_orders WHERE order_id = :1",
        &[&order_id],
    )?;
    Ok(json!({ "order_id": order_id, "status": status, "carrier": carrier }))
}

fn hold_order(ctx: &Ctx, args: &Value) -> anyhow::Result<Value> {
    let order_id = args["order_id"].as_i64().ok_or_else(|| anyhow!("order_id is required"))?;
    let reason = args["reason"].as_str().unwrap_or("ops hold");
    let conn = ctx.pool.get()?;
    let stmt = conn.execute(
        "UPDATE sales_orders SET status = 'HELD', hold_reason = :1 WHERE order_id = :2 AND status = 'OPEN'",
        &[&reason, &order_id],
    )?;
    let held = stmt.row_count()? == 1;
    conn.commit()?;
    Ok(json!({ "order_id": order_id, "held": held }))
}

inventory::submit! {
    Command { name: "order.status", run: order_status }
}

inventory::submit! {
    Command { name: "order.hold", run: hold_order }
}
