use aws_sdk_s3::primitives::ByteStream;
use serde::{Deserialize, Serialize};
use sqlx::PgPool;
use underway::job::StepContext;
use underway::{Job, To};

#[derive(Clone)]
pub struct State {
    pub pool: PgPool,
    pub http: reqwest::Client,
    pub s3: aws_sdk_s3::Client,
    pub bucket: String,
    pub pdf_service: String,
}

#[derive(Serialize, Deserialize)]
pub struct Sweep {
    pub batch: i64,
}

#[derive(Serialize, Deserialize)]
pub struct Render {
    invoice_ids: Vec<i64>,
}

#[derive(Serialize, Deserialize)]
pub struct Finalize {
    stored: Vec<(i64, String)>,
}

fn retryable<E: std::fmt::Display>(e: E) -> underway::task::Error {
    underway::task::Error::Retryable(e.to_string())
}

/// Called once from main; each step below runs per task execution.
pub async fn issue_invoices(state: State, pool: PgPool) -> Result<Job<Sweep, State>, underway::job::Error> {
    Job::builder()
        .state(state)
        .step(|StepContext { state, .. }, Sweep { batch }| async move {
            let invoice_ids: Vec<i64> = sqlx::query_scalar(
                "SELECT id FROM invoices WHERE status = 'ready' ORDER BY id LIMIT $1",
            )
            .bind(batch)
            .fetch_all(&state.pool)
            .await
            .map_err(retryable)?;
            To::next(Render { invoice_ids })
        })
        .step(|StepContext { state, .. }, Render { invoice_ids }| async move {
            let mut stored = Vec::with_capacity(invoice_ids.len());
            for id in invoice_ids {
                let pdf = state
                    .http
                    .post(format!("{}/render/invoice/{id}", state.pdf_service))
                    .send()
                    .await
                    .and_then(|r| r.error_for_status())
                    .map_err(retryable)?
                    .bytes()
                    .await
                    .map_err(retryable)?;
                let key = format!("invoices/{id}.pdf");
                state
                    .s3
                    .put_object()
                    .bucket(&state.bucket)
                    .key(&key)
                    .content_type("application/pdf")
                    .body(ByteStream::from(pdf))
                    .send()
                    .await
                    .map_err(retryable)?;
                stored.push((id, key));
            }
            To::next(Finalize { stored })
        })
        .step(|StepContext { state, .. }, Finalize { stored }| async move {
            // Rolled back on drop if any update fails; the step is retried.
            let mut tx = state.pool.begin().await.map_err(retryable)?;
            for (id, key) in &stored {
                sqlx::query(
                    "UPDATE invoices SET status = 'issued', pdf_key = $2, issued_at = now() \
                     WHERE id = $1 AND status = 'ready'",
                )
                .bind(id)
                .bind(key)
                .execute(&mut *tx)
                .await
                .map_err(retryable)?;
            }
            tx.commit().await.map_err(retryable)?;
            To::done()
        })
        .name("issue-invoices")
        .pool(pool)
        .build()
        .await
}
