//! Usage (GitLab CI, one process per merge request pipeline):
//!   terraform show -json plan.out > plan.json
//!   tfguard plan.json policies/
mod inventory;

use std::process::ExitCode;
use std::sync::{Arc, Mutex};

use regorus::{Engine, Value};

fn main() -> anyhow::Result<ExitCode> {
    let mut args = std::env::args().skip(1);
    let plan_path = args.next().ok_or_else(|| anyhow::anyhow!("usage: tfguard <plan.json> <policy-dir>"))?;
    let policy_dir = args.next().unwrap_or_else(|| "policies".into());

    let plan: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&plan_path)?)?;
    let changes = plan["resource_changes"].as_array().cloned().unwrap_or_default();

    // One CMDB connection for this pipeline run; the Rego extensions share it.
    let cmdb = Arc::new(Mutex::new(inventory::connect()?));

    let mut engine = Engine::new();
    for entry in std::fs::read_dir(&policy_dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "rego") {
            engine.add_policy_from_file(&path)?;
        }
    }
    inventory::register(&mut engine, cmdb.clone())?;

    let mut violations = Vec::new();
    for change in &changes {
        let actions = change["change"]["actions"].to_string();
        if actions.contains("no-op") || actions.contains("read") {
            continue;
        }
        // Each resource is evaluated on a cheap clone of the prepared engine.
        let mut run = engine.clone();
        run.set_input(Value::from_json_str(&change.to_string())?);
        let denied = run.eval_rule("data.tfguard.deny".to_string())?;
        if let Ok(messages) = denied.as_set() {
            for msg in messages {
                violations.push(format!("{}: {}", change["address"].as_str().unwrap_or("?"), msg.as_string()?));
            }
        }
    }

    drop(engine);
    if let Ok(client) = Arc::try_unwrap(cmdb) {
        client.into_inner().map_err(|_| anyhow::anyhow!("cmdb mutex poisoned"))?.close()?;
    }

    if violations.is_empty() {
        println!("tfguard: {} resource changes checked, no violations", changes.len());
        Ok(ExitCode::SUCCESS)
    } else {
        for v in &violations {
            eprintln!("DENY {v}");
        }
        Ok(ExitCode::from(2))
    }
}
