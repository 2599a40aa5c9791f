//! Render ledger: finance wants a row per rendered invoice.

use std::sync::{LazyLock, Mutex};

use postgres::{Client, NoTls};

static LEDGER: LazyLock<Mutex<Client>> = LazyLock::new(|| {
    let url = std::env::var("DATABASE_URL").expect("DATABASE_URL must be set");
    let client = Client::connect(&url, NoTls).expect("ledger: cannot connect");
    Mutex::new(client)
});

pub fn record_render(invoice_id: i64, bytes: usize) -> Result<(), postgres::Error> {
    let mut client = LEDGER.lock().expect("ledger mutex poisoned");
    client.execute(
        "INSERT INTO render_ledger (invoice_id, bytes, rendered_at) VALUES ($1, $2, now())",
        &[&invoice_id, &(bytes as i64)],
    )?;
    Ok(())
}
