//! Fraud-rule host: reads one JSON event per line from stdin (fed by
//! `vector` tailing the auth log) and runs the compiled rule module on it.

mod host;

use std::io::BufRead;

use anyhow::Context as _;
use wasmtime::{Config, Engine, Linker, Module, Store};

fn main() -> anyhow::Result<()> {
    let module_path = std::env::args().nth(1).unwrap_or_else(|| "rules.wasm".to_owned());

    let mut config = Config::new();
    config.consume_fuel(true);
    let engine = Engine::new(&config)?;
    let module = Module::from_file(&engine, &module_path)
        .with_context(|| format!("loading {module_path}"))?;

    let shared = host::Shared::connect()?;
    let mut linker: Linker<host::HostState> = Linker::new(&engine);
    host::register(&mut linker)?;

    let stdin = std::io::stdin();
    for line in stdin.lock().lines() {
        let event = line?;
        let mut store = Store::new(&engine, host::HostState::new(shared.clone(), event.into_bytes()));
        store.set_fuel(5_000_000)?;

        let instance = linker.instantiate(&mut store, &module)?;
        let evaluate = instance.get_typed_func::<(), i32>(&mut store, "evaluate")?;
        match evaluate.call(&mut store, ()) {
            Ok(0) => {}
            Ok(score) => println!("{{\"flagged\":true,\"score\":{score}}}"),
            Err(trap) => eprintln!("rule trapped: {trap:#}"),
        }
    }
    Ok(())
}
