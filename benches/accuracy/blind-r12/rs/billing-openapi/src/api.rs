use std::time::Duration;

use aws_config::BehaviorVersion;
use poem::error::InternalServerError;
use poem::http::StatusCode;
use poem::Result;
use poem_openapi::param::Path;
use poem_openapi::payload::Json;
use poem_openapi::{Object, OpenApi};
use sea_orm::{
    ConnectionTrait, Database, DatabaseConnection, DbBackend, Statement, TransactionTrait,
};

pub struct BillingApi {
    pub db: DatabaseConnection,
    pub database_url: String,
    pub reminder_queue_url: String,
    pub http: reqwest::Client,
}

#[derive(Object)]
struct Invoice {
    id: i64,
    customer_id: i64,
    amount_cents: i64,
    status: String,
}

#[derive(Object)]
struct NewInvoice {
    customer_id: i64,
    amount_cents: i64,
}

#[derive(Object)]
struct RefundRequest {
    amount_cents: i64,
    reason: String,
}

#[derive(Object)]
struct WatchRequest {
    callback_url: String,
}

#[derive(Object)]
struct Accepted {
    invoice_id: i64,
}

fn not_found() -> poem::Error {
    poem::Error::from_status(StatusCode::NOT_FOUND)
}

#[OpenApi]
impl BillingApi {
    /// Fetch a single invoice.
    #[oai(path = "/invoices/:id", method = "get")]
    async fn get_invoice(&self, id: Path<i64>) -> Result<Json<Invoice>> {
        let pool = self.db.get_postgres_connection_pool();
        let (id, customer_id, amount_cents, status): (i64, i64, i64, String) = sqlx::query_as(
            "SELECT id, customer_id, amount_cents, status FROM invoices WHERE id = $1",
        )
        .bind(id.0)
        .fetch_optional(pool)
        .await
        .map_err(InternalServerError)?
        .ok_or_else(not_found)?;
        Ok(Json(Invoice { id, customer_id, amount_cents, status }))
    }

    /// Open a new invoice for a customer.
    #[oai(path = "/invoices", method = "post")]
    async fn create_invoice(&self, body: Json<NewInvoice>) -> Result<Json<Invoice>> {
        let stmt = Statement::from_sql_and_values(
            DbBackend::Postgres,
            "INSERT INTO invoices (customer_id, amount_cents, status) VALUES ($1, $2, 'open') RETURNING id",
            [body.customer_id.into(), body.amount_cents.into()],
        );
        let row = self
            .db
            .query_one(stmt)
            .await
            .map_err(InternalServerError)?
            .ok_or_else(not_found)?;
        let id: i64 = row.try_get("", "id").map_err(InternalServerError)?;
        Ok(Json(Invoice {
            id,
            customer_id: body.customer_id,
            amount_cents: body.amount_cents,
            status: "open".to_string(),
        }))
    }

    /// Refund part of an invoice. Runs in its own transaction.
    #[oai(path = "/invoices/:id/refunds", method = "post")]
    async fn refund(&self, id: Path<i64>, body: Json<RefundRequest>) -> Result<Json<Accepted>> {
        let db = Database::connect(self.database_url.as_str())
            .await
            .map_err(InternalServerError)?;
        let txn = db.begin().await.map_err(InternalServerError)?;
        txn.execute(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "INSERT INTO refunds (invoice_id, amount_cents, reason) VALUES ($1, $2, $3)",
            [id.0.into(), body.amount_cents.into(), body.reason.clone().into()],
        ))
        .await
        .map_err(InternalServerError)?;
        txn.execute(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "UPDATE invoices SET status = 'partially_refunded' WHERE id = $1",
            [id.0.into()],
        ))
        .await
        .map_err(InternalServerError)?;
        txn.commit().await.map_err(InternalServerError)?;
        Ok(Json(Accepted { invoice_id: id.0 }))
    }

    /// Queue a payment reminder e-mail for the invoice's customer.
    #[oai(path = "/invoices/:id/reminders", method = "post")]
    async fn send_reminder(&self, id: Path<i64>) -> Result<Json<Accepted>> {
        let sdk_config = aws_config::load_defaults(BehaviorVersion::latest()).await;
        let sqs = aws_sdk_sqs::Client::new(&sdk_config);
        sqs.send_message()
            .queue_url(&self.reminder_queue_url)
            .message_body(serde_json::json!({ "invoice_id": id.0 }).to_string())
            .send()
            .await
            .map_err(InternalServerError)?;
        Ok(Json(Accepted { invoice_id: id.0 }))
    }

    /// Register a callback that is notified whenever the invoice status changes.
    #[oai(path = "/invoices/:id/watch", method = "post")]
    async fn watch(&self, id: Path<i64>, body: Json<WatchRequest>) -> Result<Json<Accepted>> {
        let invoice_id = id.0;
        let callback_url = body.0.callback_url;
        let http = self.http.clone();
        let pool = self.db.get_postgres_connection_pool();
        let mut conn = pool.acquire().await.map_err(InternalServerError)?;

        tokio::spawn(async move {
            let mut last_status = String::new();
            loop {
                let status = sqlx::query_scalar::<_, String>("SELECT status FROM invoices WHERE id = $1")
                    .bind(invoice_id)
                    .fetch_one(&mut *conn)
                    .await;
                match status {
                    Ok(status) if status != last_status => {
                        let payload = serde_json::json!({ "invoice_id": invoice_id, "status": status });
                        if let Err(e) = http.post(&callback_url).json(&payload).send().await {
                            tracing::warn!(invoice_id, "callback failed: {e}");
                        }
                        last_status = status;
                    }
                    Ok(_) => {}
                    Err(e) => tracing::warn!(invoice_id, "status poll failed: {e}"),
                }
                tokio::time::sleep(Duration::from_secs(15)).await;
            }
        });

        Ok(Json(Accepted { invoice_id }))
    }
}
