//! Host functions exposed to the rules script. V8 calls each of these
//! callbacks every time the JavaScript code calls the function, i.e. at
//! least once per authorization request.

use std::cell::RefCell;

use postgres::{Client, NoTls};
use redis::Commands;

use crate::config;

thread_local! {
    // The isolate lives on the main thread only, so one lazily opened
    // blocklist connection per thread is one connection for the process.
    static BLOCKLIST_DB: RefCell<Option<Client>> = const { RefCell::new(None) };
}

pub fn install(scope: &mut v8::HandleScope, global: v8::Local<v8::Object>) {
    let velocity_fn = v8::FunctionTemplate::new(scope, velocity);
    let blocked_fn = v8::FunctionTemplate::new(scope, blocked_bin);
    let log_fn = v8::FunctionTemplate::new(scope, log_cb);
    for (name, tmpl) in [("velocity", velocity_fn), ("blockedBin", blocked_fn), ("log", log_fn)] {
        let key = v8::String::new(scope, name).unwrap();
        let func = tmpl.get_function(scope).unwrap();
        global.set(scope, key.into(), func.into());
    }
}

/// velocity(cardToken, windowSecs) -> number of authorizations in the window
fn velocity(
    scope: &mut v8::HandleScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let token = args.get(0).to_rust_string_lossy(scope);
    let window = args.get(1).integer_value(scope).unwrap_or(600);
    let cfg = config::get();

    let mut con = match redis::Client::open(cfg.redis_url.as_str()).and_then(|c| c.get_connection()) {
        Ok(con) => con,
        Err(e) => {
            log::warn!("velocity lookup unavailable: {e}");
            rv.set_int32(0);
            return;
        }
    };

    let key = format!("vel:{token}");
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    let _: redis::RedisResult<()> = redis::pipe()
        .zadd(&key, now, now)
        .zrembyscore(&key, 0, now - window)
        .expire(&key, window)
        .query(&mut con);
    let count: i32 = con.zcard(&key).unwrap_or(0);
    rv.set_int32(count);
}

/// blockedBin(panPrefix) -> bool
fn blocked_bin(
    scope: &mut v8::HandleScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let prefix = args.get(0).to_rust_string_lossy(scope);
    let blocked = BLOCKLIST_DB.with(|cell| {
        let mut slot = cell.borrow_mut();
        if slot.is_none() {
            match Client::connect(&config::get().blocklist_db_url, NoTls) {
                Ok(c) => *slot = Some(c),
                Err(e) => {
                    log::error!("blocklist db unavailable: {e}");
                    return false;
                }
            }
        }
        let db = slot.as_mut().unwrap();
        match db.query_opt(
            "SELECT 1 FROM bin_blocklist WHERE $1 LIKE prefix || '%' AND active",
            &[&prefix],
        ) {
            Ok(row) => row.is_some(),
            Err(e) => {
                log::error!("blocklist query failed: {e}");
                if db.is_closed() {
                    *slot = None;
                }
                false
            }
        }
    });
    rv.set_bool(blocked);
}

fn log_cb(scope: &mut v8::HandleScope, args: v8::FunctionCallbackArguments, _rv: v8::ReturnValue) {
    let msg = args.get(0).to_rust_string_lossy(scope);
    log::info!("[rules] {msg}");
}
