//! Per-request extractors: a pooled connection (returned on drop) and a
//! clone of the shared payment-provider client, both taken from state.

use axum::async_trait;
use axum::extract::{FromRef, FromRequestParts};
use axum::http::request::Parts;
use axum::http::StatusCode;
use sqlx::pool::PoolConnection;
use sqlx::{PgPool, Postgres};

pub struct DbConn(pub PoolConnection<Postgres>);

#[async_trait]
impl<S> FromRequestParts<S> for DbConn
where
    PgPool: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = (StatusCode, String);

    async fn from_request_parts(_parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let pool = PgPool::from_ref(state);
        let conn = pool
            .acquire()
            .await
            .map_err(|e| (StatusCode::SERVICE_UNAVAILABLE, e.to_string()))?;
        Ok(DbConn(conn))
    }
}

pub struct PaymentGateway {
    pub http: reqwest::Client,
    pub base_url: String,
}

#[async_trait]
impl<S> FromRequestParts<S> for PaymentGateway
where
    reqwest::Client: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = (StatusCode, String);

    async fn from_request_parts(_parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        Ok(PaymentGateway {
            http: reqwest::Client::from_ref(state),
            base_url: std::env::var("PAYMENTS_URL").unwrap_or_else(|_| "https://payments.internal".to_owned()),
        })
    }
}
