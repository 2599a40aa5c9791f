use std::io::{BufRead, BufReader, Write};
use std::os::unix::net::UnixListener;

use boa_engine::{js_string, Context, JsValue, NativeFunction, Source};

mod host;

fn main() -> anyhow::Result<()> {
    // Shared clients are created before the engine starts taking events.
    host::init(&std::env::var("RISK_DATABASE_URL")?)?;

    let mut ctx = Context::default();
    ctx.register_global_callable(js_string!("velocity"), 2, NativeFunction::from_fn_ptr(host::velocity))
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    ctx.register_global_callable(js_string!("merchantRisk"), 1, NativeFunction::from_fn_ptr(host::merchant_risk))
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    ctx.register_global_callable(js_string!("geoMismatch"), 2, NativeFunction::from_fn_ptr(host::geo_mismatch))
        .map_err(|e| anyhow::anyhow!("{e}"))?;

    let rules = std::fs::read_to_string("scripts/rules.js")?;
    ctx.eval(Source::from_bytes(rules.as_bytes())).map_err(|e| anyhow::anyhow!("{e}"))?;
    let evaluate = ctx
        .global_object()
        .get(js_string!("evaluate"), &mut ctx)
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let evaluate = evaluate.as_callable().cloned().ok_or_else(|| anyhow::anyhow!("rules.js must define evaluate()"))?;

    let _ = std::fs::remove_file("/run/fraud-scorer.sock");
    let listener = UnixListener::bind("/run/fraud-scorer.sock")?;
    // The engine is single-threaded: connections are served one after another.
    for stream in listener.incoming() {
        let mut stream = stream?;
        let reader = BufReader::new(stream.try_clone()?);
        for line in reader.lines() {
            let line = line?;
            let event: serde_json::Value = serde_json::from_str(&line)?;
            let arg = JsValue::from_json(&event, &mut ctx).map_err(|e| anyhow::anyhow!("{e}"))?;
            let verdict = match evaluate.call(&JsValue::undefined(), &[arg], &mut ctx) {
                Ok(v) => v.to_json(&mut ctx).map_err(|e| anyhow::anyhow!("{e}"))?,
                Err(e) => serde_json::json!({ "score": 0, "block": false, "error": e.to_string() }),
            };
            writeln!(stream, "{verdict}")?;
        }
    }
    Ok(())
}
