use postgres::{Client, NoTls};
use serde::Serialize;

#[derive(Serialize)]
pub struct Fill {
    pub exec_id: String,
    pub symbol: String,
    pub side: String,
    pub qty: f64,
    pub price: f64,
    pub venue: String,
}

fn dsn() -> String {
    std::env::var("BLOTTER_DSN")
        .unwrap_or_else(|_| "host=oms-replica user=blotter dbname=oms".to_string())
}

pub fn recent(account: &str) -> Result<Vec<Fill>, postgres::Error> {
    let mut db = Client::connect(&dsn(), NoTls)?;
    let rows = db.query(
        "SELECT exec_id, symbol, side, qty::float8, price::float8, venue \
         FROM fills WHERE account = $1 ORDER BY transact_time DESC LIMIT 200",
        &[&account],
    )?;
    Ok(rows
        .iter()
        .map(|r| Fill {
            exec_id: r.get(0),
            symbol: r.get(1),
            side: r.get(2),
            qty: r.get(3),
            price: r.get(4),
            venue: r.get(5),
        })
        .collect())
}
