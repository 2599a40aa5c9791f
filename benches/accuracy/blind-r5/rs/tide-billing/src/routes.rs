use redis::AsyncCommands;
use serde::Serialize;
use tide::{Body, Request, Response, StatusCode};

use crate::State;

#[derive(Debug, Serialize, sqlx::FromRow)]
struct Invoice {
    id: i64,
    customer_id: i64,
    amount_cents: i64,
    status: String,
}

pub async fn list_invoices(req: Request<State>) -> tide::Result {
    let invoices = sqlx::query_as::<_, Invoice>(
        "SELECT id, customer_id, amount_cents, status FROM invoices ORDER BY id DESC LIMIT 100",
    )
    .fetch_all(&req.state().db)
    .await?;
    Ok(Response::builder(StatusCode::Ok)
        .body(Body::from_json(&invoices)?)
        .build())
}

pub async fn pay_invoice(req: Request<State>) -> tide::Result {
    let id: i64 = req.param("id")?.parse()?;
    let state = req.state();

    let invoice = sqlx::query_as::<_, Invoice>(
        "UPDATE invoices SET status = 'paid' WHERE id = $1 AND status = 'open' \
         RETURNING id, customer_id, amount_cents, status",
    )
    .bind(id)
    .fetch_optional(&state.db)
    .await?;

    let Some(invoice) = invoice else {
        return Ok(Response::new(StatusCode::Conflict));
    };

    state.ledger.record_payment(invoice.id, invoice.amount_cents).await?;

    // Notify the dunning / email workers.
    let events = redis::Client::open(std::env::var("REDIS_URL")?.as_str())?;
    let mut con = events.get_multiplexed_async_connection().await?;
    let _: i64 = con
        .publish("billing.invoice_paid", serde_json::to_string(&invoice)?)
        .await?;

    Ok(Response::builder(StatusCode::Ok)
        .body(Body::from_json(&invoice)?)
        .build())
}
