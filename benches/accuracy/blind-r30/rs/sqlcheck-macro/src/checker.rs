use std::sync::{Mutex, OnceLock};

use postgres::{Client, NoTls};

// The compiler loads this proc-macro once per crate being compiled and then calls
// the macro for every `checked_sql!` site, so one connection is opened lazily and
// reused for all expansions in that compiler process.
static CONN: OnceLock<Result<Mutex<Client>, String>> = OnceLock::new();

fn with_client<T>(f: impl FnOnce(&mut Client) -> Result<T, String>) -> Result<T, String> {
    let slot = CONN.get_or_init(|| {
        let url = std::env::var("DATABASE_URL")
            .map_err(|_| "checked_sql!: DATABASE_URL is not set (or set SQLCHECK_OFFLINE=1)".to_string())?;
        Client::connect(&url, NoTls)
            .map(Mutex::new)
            .map_err(|e| format!("checked_sql!: cannot reach the dev database: {e}"))
    });
    match slot {
        Ok(mutex) => {
            let mut client = mutex.lock().map_err(|_| "checked_sql!: connection poisoned".to_string())?;
            f(&mut client)
        }
        Err(e) => Err(e.clone()),
    }
}

pub fn describe(sql: &str) -> Result<(), String> {
    with_client(|client| {
        client
            .prepare(sql)
            .map(|_| ())
            .map_err(|e| format!("checked_sql!: {e}"))
    })
}

pub fn param_count(sql: &str) -> Result<usize, String> {
    with_client(|client| {
        client
            .prepare(sql)
            .map(|stmt| stmt.params().len())
            .map_err(|e| format!("checked_sql!: {e}"))
    })
}
