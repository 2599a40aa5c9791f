use postgres::{Client, NoTls};

pub struct Item {
    pub sku: String,
    pub name: String,
    pub bin: String,
    pub on_hand: i32,
}

fn database_url() -> String {
    std::env::var("STOCKROOM_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://stockroom@db.internal/stockroom".to_string())
}

/// Opens a connection to the stockroom database.
pub fn connect() -> Result<Client, postgres::Error> {
    Client::connect(&database_url(), NoTls)
}

pub fn find_item(client: &mut Client, sku: &str) -> Result<Option<Item>, postgres::Error> {
    let row = client.query_opt(
        "SELECT sku, name, bin, on_hand FROM items WHERE sku = $1",
        &[&sku],
    )?;
    Ok(row.map(|r| Item {
        sku: r.get(0),
        name: r.get(1),
        bin: r.get(2),
        on_hand: r.get(3),
    }))
}

pub fn apply_adjustment(
    client: &mut Client,
    sku: &str,
    delta: i32,
    operator: &str,
) -> Result<i32, postgres::Error> {
    let mut tx = client.transaction()?;
    let row = tx.query_one(
        "UPDATE items SET on_hand = on_hand + $2 WHERE sku = $1 RETURNING on_hand",
        &[&sku, &delta],
    )?;
    tx.execute(
        "INSERT INTO adjustments (sku, delta, operator) VALUES ($1, $2, $3)",
        &[&sku, &delta, &operator],
    )?;
    tx.commit()?;
    Ok(row.get(0))
}
