#![no_main]
//! Every predicate the compiler accepts must be valid Postgres: run it through
//! EXPLAIN against the schema. libFuzzer calls the target millions of times in
//! one process, so the connection is opened once and reused; each input runs
//! in its own transaction that is always rolled back.

use std::sync::{LazyLock, Mutex};

use libfuzzer_sys::fuzz_target;
use postgres::error::SqlState;
use postgres::{Client, NoTls};

static DB: LazyLock<Mutex<Client>> = LazyLock::new(|| {
    let url = std::env::var("FUZZ_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://fuzz:fuzz@localhost:5432/filters".to_owned());
    let client = Client::connect(&url, NoTls).expect("start the fuzz database first (make fuzz-db)");
    Mutex::new(client)
});

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(predicate) = filter_sql::compile(text) else { return };

    let mut db = DB.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    let mut tx = db.transaction().expect("begin");
    let result = tx.batch_execute(&format!("EXPLAIN SELECT id FROM orders WHERE {predicate}"));
    if let Err(err) = result {
        let code = err.code();
        if code == Some(&SqlState::SYNTAX_ERROR) || code == Some(&SqlState::UNDEFINED_COLUMN) {
            panic!("compiler emitted invalid SQL for {text:?}: {predicate}\n{err}");
        }
        // type mismatches (e.g. 'abc' >= total) are reported by the typed layer
    }
    tx.rollback().expect("rollback");
});
