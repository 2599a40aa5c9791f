use std::time::Duration;
use std::{env, thread};

use anyhow::Context;
use mysql::{Opts, OptsBuilder, Pool, PoolConstraints, PoolOpts};
use redis::Commands;
use wasmtime::component::{Component, Linker};
use wasmtime::{Config, Engine, Store};

mod state;

wasmtime::component::bindgen!({
    world: "triage",
    path: "wit",
});

use state::HostState;

fn connect_pool(url: &str) -> anyhow::Result<Pool> {
    let constraints = PoolConstraints::new(1, 8).expect("valid pool bounds");
    let opts: Opts = OptsBuilder::from_opts(Opts::from_url(url).context("bad TRIAGE_MYSQL_URL")?)
        .pool_opts(PoolOpts::default().with_constraints(constraints))
        .into();
    let mut last_err = None;
    for attempt in 1..=10 {
        match Pool::new(opts.clone()) {
            Ok(pool) => return Ok(pool),
            Err(e) => {
                log::warn!("mysql not ready (attempt {attempt}): {e}");
                last_err = Some(e);
                thread::sleep(Duration::from_secs(3));
            }
        }
    }
    Err(last_err.unwrap().into())
}

fn main() -> anyhow::Result<()> {
    env_logger::init();
    let component_path = env::args().nth(1).unwrap_or_else(|| "classifier.wasm".into());

    let pool = connect_pool(&env::var("TRIAGE_MYSQL_URL")?)?;
    let agent = ureq::AgentBuilder::new().timeout_connect(Duration::from_secs(2)).build();
    let translate_url = env::var("TRANSLATE_URL").unwrap_or_else(|_| "http://translate.internal/translate".into());
    let mut queue = redis::Client::open(env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".into()))?
        .get_connection()?;

    let mut config = Config::new();
    config.wasm_component_model(true).consume_fuel(true);
    let engine = Engine::new(&config)?;
    let component = Component::from_file(&engine, &component_path)?;
    let mut linker: Linker<HostState> = Linker::new(&engine);
    Triage::add_to_linker(&mut linker, |s: &mut HostState| s)?;
    let pre = TriagePre::new(linker.instantiate_pre(&component)?)?;

    loop {
        let popped: Option<(String, String)> = queue.blpop("tickets:incoming", 5.0)?;
        let Some((_, ticket)) = popped else { continue };

        // Fresh guest instance per ticket so one bad ticket cannot poison the next.
        let mut store = Store::new(
            &engine,
            HostState { db: pool.clone(), http: agent.clone(), translate_url: translate_url.clone() },
        );
        store.set_fuel(50_000_000)?;
        let triage = pre.instantiate(&mut store)?;
        match triage.call_classify(&mut store, &ticket) {
            Ok(Ok(labels)) => {
                let _: () = queue.rpush("tickets:classified", labels)?;
            }
            Ok(Err(reason)) => log::info!("classifier rejected ticket: {reason}"),
            Err(trap) => {
                log::error!("classifier trapped: {trap:#}");
                let _: () = queue.rpush("tickets:dead", &ticket)?;
            }
        }
    }
}
