use deadpool_postgres::Pool;
use poem::error::InternalServerError;
use poem::listener::TcpListener;
use poem::web::{Data, Json, Path};
use poem::{get, handler, EndpointExt, Result, Route, Server};
use serde::Serialize;

#[derive(Serialize)]
struct Invoice {
    id: i64,
    customer: String,
    total_cents: i64,
    state: String,
}

#[handler]
async fn get_invoice(Path(id): Path<i64>, Data(pool): Data<&Pool>) -> Result<Json<Invoice>> {
    let client = pool.get().await.map_err(InternalServerError)?;
    let row = client
        .query_one("SELECT id, customer, total_cents, state FROM invoices WHERE id = $1", &[&id])
        .await
        .map_err(InternalServerError)?;
    Ok(Json(Invoice {
        id: row.get(0),
        customer: row.get(1),
        total_cents: row.get(2),
        state: row.get(3),
    }))
}

#[handler]
async fn list_open(Data(pool): Data<&Pool>) -> Result<Json<Vec<i64>>> {
    let client = pool.get().await.map_err(InternalServerError)?;
    let rows = client
        .query("SELECT id FROM invoices WHERE state = 'open' ORDER BY id LIMIT 500", &[])
        .await
        .map_err(InternalServerError)?;
    Ok(Json(rows.iter().map(|r| r.get(0)).collect()))
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let pool = invoicing::db::make_pool(16)?;
    let app = Route::new()
        .at("/invoices/open", get(list_open))
        .at("/invoices/:id", get(get_invoice))
        .data(pool);
    Server::new(TcpListener::bind("0.0.0.0:3000")).run(app).await?;
    Ok(())
}
