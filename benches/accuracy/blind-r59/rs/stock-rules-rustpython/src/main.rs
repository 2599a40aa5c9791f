//! Reads warehouse scanner events (NDJSON on stdin, fed by the scanner bridge)
//! and runs every rule script in rules/ against each event. Rules are Python
//! files executed on an embedded RustPython interpreter; they call back into
//! the host through the native `warehouse` module (src/hostlib.rs).

mod hostlib;

use std::io::BufRead;
use std::sync::OnceLock;

use anyhow::Context;
use r2d2_postgres::{postgres::NoTls, PostgresConnectionManager};
use rustpython_vm as vm;
use serde::Deserialize;
use vm::{compiler::Mode, PyObjectRef};

pub struct HostConfig {
    pub redis_url: String,
    pub webhook_base: String,
}

pub static CONFIG: OnceLock<HostConfig> = OnceLock::new();
pub static DB: OnceLock<r2d2::Pool<PostgresConnectionManager<NoTls>>> = OnceLock::new();

#[derive(Deserialize)]
struct ScanEvent {
    kind: String,
    sku: String,
    bin: String,
    qty: i64,
    operator: Option<String>,
}

fn main() -> anyhow::Result<()> {
    let db_url = std::env::var("DATABASE_URL").context("DATABASE_URL")?;
    let manager = PostgresConnectionManager::new(db_url.parse()?, NoTls);
    DB.set(r2d2::Pool::builder().max_size(4).build(manager)?)
        .map_err(|_| anyhow::anyhow!("pool already set"))?;
    CONFIG
        .set(HostConfig {
            redis_url: std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".into()),
            webhook_base: std::env::var("CHAT_WEBHOOK").context("CHAT_WEBHOOK")?,
        })
        .map_err(|_| anyhow::anyhow!("config already set"))?;

    let interp = vm::Interpreter::with_init(Default::default(), |vm| {
        vm.add_native_module("warehouse".to_owned(), Box::new(hostlib::make_module));
    });

    interp.enter(|vm| -> anyhow::Result<()> {
        let mut handlers: Vec<(String, PyObjectRef)> = Vec::new();
        for entry in std::fs::read_dir("rules")? {
            let path = entry?.path();
            if path.extension().and_then(|e| e.to_str()) != Some("py") {
                continue;
            }
            let source = std::fs::read_to_string(&path)?;
            let name = path.display().to_string();
            let scope = vm.new_scope_with_builtins();
            let code = vm
                .compile(&source, Mode::Exec, name.clone())
                .map_err(|err| anyhow::anyhow!("{name}: {err}"))?;
            if let Err(exc) = vm.run_code_obj(code, scope.clone()) {
                vm.print_exception(exc);
                continue;
            }
            match scope.globals.get_item("on_event", vm) {
                Ok(func) => handlers.push((name, func)),
                Err(_) => eprintln!("{name}: no on_event(evt) defined, skipped"),
            }
        }
        eprintln!("loaded {} rule(s)", handlers.len());

        for line in std::io::stdin().lock().lines() {
            let line = line?;
            let event: ScanEvent = match serde_json::from_str(&line) {
                Ok(ev) => ev,
                Err(e) => {
                    eprintln!("bad event: {e}");
                    continue;
                }
            };
            let evt = vm.ctx.new_dict();
            evt.set_item("kind", vm.new_pyobj(event.kind.clone()), vm).ok();
            evt.set_item("sku", vm.new_pyobj(event.sku.clone()), vm).ok();
            evt.set_item("bin", vm.new_pyobj(event.bin.clone()), vm).ok();
            evt.set_item("qty", vm.new_pyobj(event.qty), vm).ok();
            evt.set_item("operator", vm.new_pyobj(event.operator.clone().unwrap_or_default()), vm).ok();

            for (name, func) in &handlers {
                if let Err(exc) = func.call((evt.clone(),), vm) {
                    eprintln!("rule {name} failed on {}:", event.sku);
                    vm.print_exception(exc);
                }
            }
        }
        Ok(())
    })
}
