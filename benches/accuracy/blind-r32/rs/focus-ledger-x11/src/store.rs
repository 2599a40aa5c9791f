use postgres::{Client, NoTls};

pub fn connect() -> Result<Client, postgres::Error> {
    let url = std::env::var("FOCUS_LEDGER_DB")
        .unwrap_or_else(|_| "host=ledger.internal user=ledger dbname=ledger".into());
    Client::connect(&url, NoTls)
}

pub fn record_span(db: &mut Client, user: &str, title: &str, seconds: i32) -> Result<(), postgres::Error> {
    db.execute(
        "INSERT INTO focus_spans (username, window_title, seconds, ended_at) VALUES ($1, $2, $3, now())",
        &[&user, &title, &seconds],
    )?;
    Ok(())
}
