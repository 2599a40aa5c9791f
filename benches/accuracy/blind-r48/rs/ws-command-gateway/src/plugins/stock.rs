use anyhow::anyhow;
use serde_json::{json, Value};

use crate::plugin::{Command, Ctx};

fn stock_level(ctx: &Ctx, args: &Value) -> anyhow::Result<Value> {
    let sku = args["sku"].as_str().ok_or_else(|| anyhow!("sku is required"))?;
    let conn = ctx.pool.get()?;
    let (on_hand, reserved) = conn.query_row_as::<(i64, i64)>(
        "SELECT on_hand, reserved FROM stock_levels WHERE sku = :1",
        &[&sku],
    )?;
    Ok(json!({ "sku": sku, "on_hand": on_hand, "reserved": reserved, "available": on_hand - reserved }))
}

inventory::submit! {
    Command { name: "stock.level", run: stock_level }
}
