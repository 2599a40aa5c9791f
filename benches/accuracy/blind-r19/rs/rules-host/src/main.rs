mod audit;
mod host;
mod store;

use std::env;
use std::fs;
use std::path::{Path, PathBuf};
use std::thread;
use std::time::Duration;

use wasmer::{imports, Function, FunctionEnv, Instance, Module, Store};

fn pending_orders(spool: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut batch: Vec<PathBuf> = fs::read_dir(spool)?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    batch.sort();
    Ok(batch)
}

fn main() -> anyhow::Result<()> {
    env_logger::init();
    let spool = PathBuf::from(env::var("ORDER_SPOOL").unwrap_or_else(|_| "/var/spool/orders".into()));
    let wasm_path = env::var("RULES_WASM").unwrap_or_else(|_| "rules/fraud_rules.wasm".into());

    let orders = store::connect()?;
    let audit = audit::connect()?;

    let mut wasm_store = Store::default();
    let module = Module::from_file(&wasm_store, &wasm_path)?;
    let env = FunctionEnv::new(
        &mut wasm_store,
        host::HostEnv {
            memory: None,
            orders,
            audit,
            sanctions_url: env::var("SANCTIONS_DB_URL")?,
        },
    );
    let import_object = imports! {
        "host" => {
            "credit_limit" => Function::new_typed_with_env(&mut wasm_store, &env, host::credit_limit),
            "sanctions_hit" => Function::new_typed_with_env(&mut wasm_store, &env, host::sanctions_hit),
            "record_decision" => Function::new_typed_with_env(&mut wasm_store, &env, host::record_decision),
        }
    };
    let instance = Instance::new(&mut wasm_store, &module, &import_object)?;
    let memory = instance.exports.get_memory("memory")?.clone();
    env.as_mut(&mut wasm_store).memory = Some(memory.clone());

    let alloc = instance.exports.get_typed_function::<u32, u32>(&wasm_store, "alloc")?;
    let evaluate = instance
        .exports
        .get_typed_function::<(u32, u32), i32>(&wasm_store, "evaluate")?;

    log::info!("rules loaded from {wasm_path}, watching {}", spool.display());
    loop {
        for path in pending_orders(&spool)? {
            let payload = fs::read(&path)?;
            let ptr = alloc.call(&mut wasm_store, payload.len() as u32)?;
            memory.view(&wasm_store).write(ptr as u64, &payload)?;

            // The guest calls back into the host functions while evaluating.
            let verdict = evaluate.call(&mut wasm_store, ptr, payload.len() as u32)?;
            let dest = if verdict == 0 { "approved" } else { "held" };
            let name = path.file_name().expect("spool entry has a name");
            fs::rename(&path, spool.join(dest).join(name))?;
        }
        thread::sleep(Duration::from_secs(2));
    }
}
