//! Loaded once per Node.js process by the storefront BFF:
//! `const inv = require('@storefront/inventory-native')`.

mod audit;
mod db;
mod inventory;

use std::sync::OnceLock;

use neon::prelude::*;
use tokio::runtime::Runtime;

static RUNTIME: OnceLock<Runtime> = OnceLock::new();

pub(crate) fn runtime() -> &'static Runtime {
    RUNTIME.get_or_init(|| {
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(4)
            .thread_name("inventory-native")
            .enable_all()
            .build()
            .expect("tokio runtime")
    })
}

#[neon::main]
fn main(mut cx: ModuleContext) -> NeonResult<()> {
    let database_url = match std::env::var("INVENTORY_DATABASE_URL") {
        Ok(url) => url,
        Err(_) => return cx.throw_error("INVENTORY_DATABASE_URL is not set"),
    };

    if let Err(e) = db::init_pool(&database_url) {
        return cx.throw_error(format!("inventory pool: {e}"));
    }
    if let Err(e) = audit::init(&database_url) {
        return cx.throw_error(format!("audit pool: {e}"));
    }

    cx.export_function("lookupSku", inventory::lookup_sku)?;
    cx.export_function("reserveStock", inventory::reserve_stock)?;
    cx.export_function("confirmReservation", inventory::confirm_reservation)?;
    cx.export_function("poolStats", pool_stats)?;
    Ok(())
}

/// `poolStats(): { size, available, waiting }`
fn pool_stats(mut cx: FunctionContext) -> JsResult<JsObject> {
    let (size, available, waiting) = db::stats();
    let obj = cx.empty_object();
    let size = cx.number(size as f64);
    obj.set(&mut cx, "size", size)?;
    let available = cx.number(available as f64);
    obj.set(&mut cx, "available", available)?;
    let waiting = cx.number(waiting as f64);
    obj.set(&mut cx, "waiting", waiting)?;
    Ok(obj)
}
