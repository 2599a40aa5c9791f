mod store;

use dora_node_api::{DoraNode, Event};
use eyre::Context;
use redis::Commands;
use serde::Deserialize;

#[derive(Deserialize)]
struct PickResult {
    cell: String,
    sku: String,
    ok: bool,
    cycle_ms: i32,
}

#[derive(Deserialize)]
struct Fault {
    cell: String,
    code: String,
    detail: String,
}

fn main() -> eyre::Result<()> {
    let pool = store::pool(&std::env::var("DATABASE_URL")?)?;
    let mut picks = store::PickLog::open(&pool)?;
    let redis_url = std::env::var("REDIS_URL")?;

    let (_node, mut events) = DoraNode::init_from_env()?;
    while let Some(event) = events.recv() {
        match event {
            Event::Input { id, metadata: _, data } => match id.as_str() {
                "pick_result" => {
                    let raw: &str = TryFrom::try_from(&data).context("pick_result must be a utf8 string")?;
                    let pick: PickResult = serde_json::from_str(raw)?;
                    picks.insert(&pick.cell, &pick.sku, pick.ok, pick.cycle_ms)?;

                    let mut status = redis::Client::open(redis_url.as_str())?.get_connection()?;
                    let _: () = status.hset(format!("cell:{}", pick.cell), "last_sku", &pick.sku)?;
                }
                "fault" => {
                    let raw: &str = TryFrom::try_from(&data).context("fault must be a utf8 string")?;
                    let fault: Fault = serde_json::from_str(raw)?;
                    let pager = reqwest::blocking::Client::new();
                    pager
                        .post(std::env::var("PAGER_WEBHOOK")?)
                        .json(&serde_json::json!({
                            "summary": format!("cell {} fault {}", fault.cell, fault.code),
                            "detail": fault.detail,
                        }))
                        .send()?;
                }
                "tick" => {
                    let mut conn = pool.get()?;
                    conn.execute("DELETE FROM pick_log WHERE at < now() - interval '14 days'", &[])?;
                }
                other => eprintln!("ignoring unexpected input `{other}`"),
            },
            other => eprintln!("received event {other:?}"),
        }
    }
    Ok(())
}
