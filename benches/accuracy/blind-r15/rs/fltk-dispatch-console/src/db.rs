use postgres::{Client, NoTls};

pub fn connect() -> Result<Client, postgres::Error> {
    let url = std::env::var("DISPATCH_DB_URL")
        .unwrap_or_else(|_| "postgres://dispatch@localhost/dispatch".into());
    Client::connect(&url, NoTls)
}

pub fn open_tickets(client: &mut Client) -> Result<Vec<(i64, String)>, postgres::Error> {
    let rows = client.query(
        "SELECT id, summary FROM tickets WHERE status = 'open' ORDER BY created_at",
        &[],
    )?;
    Ok(rows.iter().map(|r| (r.get(0), r.get(1))).collect())
}

pub fn assign(client: &mut Client, ticket: i64, driver: &str) -> Result<u64, postgres::Error> {
    client.execute(
        "UPDATE tickets SET status = 'assigned', driver_id = $2 WHERE id = $1 AND status = 'open'",
        &[&ticket, &driver],
    )
}
