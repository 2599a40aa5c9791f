use std::sync::{Mutex, OnceLock};

use postgres::{Client, NoTls};

static CALLS_DB: OnceLock<Mutex<Client>> = OnceLock::new();

fn calls_db() -> &'static Mutex<Client> {
    CALLS_DB.get_or_init(|| {
        let dsn = std::env::var("CALLS_DSN").expect("CALLS_DSN");
        Mutex::new(Client::connect(&dsn, NoTls).expect("calls database"))
    })
}

/// Logs a handled phone call against the agent's current ticket.
pub fn log_call(agent: &str, ticket: &str) -> Result<u64, postgres::Error> {
    let mut db = calls_db().lock().unwrap();
    db.execute(
        "INSERT INTO handled_calls (agent, ticket, logged_at) VALUES ($1, $2, now())",
        &[&agent, &ticket],
    )
}
