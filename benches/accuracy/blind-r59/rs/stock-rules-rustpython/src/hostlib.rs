//! Native `warehouse` module exposed to rule scripts. Every function here is
//! invoked from Python, i.e. once per rule call per scanner event.

use rustpython_vm::pymodule;

pub use warehouse::make_module;

#[pymodule]
mod warehouse {
    use redis::Commands;
    use rustpython_vm::{builtins::PyStrRef, PyResult, VirtualMachine};

    /// warehouse.reorder_point(sku) -> int
    #[pyfunction]
    fn reorder_point(sku: PyStrRef, vm: &VirtualMachine) -> PyResult<i64> {
        let pool = crate::DB.get().expect("pool initialised in main");
        let mut conn = pool.get().map_err(|e| vm.new_runtime_error(e.to_string()))?;
        let row = conn
            .query_opt("SELECT reorder_point FROM sku_policy WHERE sku = $1", &[&sku.as_str()])
            .map_err(|e| vm.new_runtime_error(e.to_string()))?;
        Ok(row.map(|r| r.get::<_, i32>(0) as i64).unwrap_or(0))
    }

    /// warehouse.bump(counter, by) -> int   (rolling counters kept in Redis)
    #[pyfunction]
    fn bump(counter: PyStrRef, by: i64, vm: &VirtualMachine) -> PyResult<i64> {
        let cfg = crate::CONFIG.get().expect("config initialised in main");
        let mut con = redis::Client::open(cfg.redis_url.as_str())
            .and_then(|client| client.get_connection())
            .map_err(|e| vm.new_runtime_error(format!("redis: {e}")))?;
        let key = format!("rules:{}", counter.as_str());
        let value: i64 = con
            .incr(&key, by)
            .map_err(|e| vm.new_runtime_error(format!("redis: {e}")))?;
        let _: () = con.expire(&key, 86_400).unwrap_or(());
        Ok(value)
    }

    /// warehouse.notify(channel, text) -> bool   (posts to the team chat webhook)
    #[pyfunction]
    fn notify(channel: PyStrRef, text: PyStrRef, vm: &VirtualMachine) -> PyResult<bool> {
        let cfg = crate::CONFIG.get().expect("config initialised in main");
        let http = reqwest::blocking::Client::builder()
            .timeout(std::time::Duration::from_secs(5))
            .build()
            .map_err(|e| vm.new_runtime_error(e.to_string()))?;
        let resp = http
            .post(format!("{}/{}", cfg.webhook_base, channel.as_str()))
            .json(&serde_json::json!({ "text": text.as_str() }))
            .send()
            .map_err(|e| vm.new_runtime_error(format!("webhook: {e}")))?;
        Ok(resp.status().is_success())
    }
}
