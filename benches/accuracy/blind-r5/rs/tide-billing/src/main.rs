mod db;
mod ledger;
mod routes;

use sqlx::PgPool;

#[derive(Clone)]
pub struct State {
    pub db: PgPool,
    pub ledger: ledger::Ledger,
}

#[async_std::main]
async fn main() -> tide::Result<()> {
    tide::log::start();

    let db = db::connect().await?;
    let ledger = ledger::Ledger::init().await?;

    let mut app = tide::with_state(State { db, ledger });
    app.at("/invoices").get(routes::list_invoices);
    app.at("/invoices/:id/pay").post(routes::pay_invoice);

    let addr = std::env::var("BIND_ADDR").unwrap_or_else(|_| "0.0.0.0:8080".into());
    app.listen(addr).await?;
    Ok(())
}
