use std::fmt::Debug;
use std::sync::Arc;

use async_trait::async_trait;
use clickhouse::Row;
use futures::{stream, Sink, StreamExt};
use pgwire::api::auth::noop::NoopStartupHandler;
use pgwire::api::copy::NoopCopyHandler;
use pgwire::api::query::{PlaceholderExtendedQueryHandler, SimpleQueryHandler};
use pgwire::api::results::{DataRowEncoder, FieldFormat, FieldInfo, QueryResponse, Response};
use pgwire::api::{ClientInfo, NoopErrorHandler, PgWireServerHandlers, Type};
use pgwire::error::{ErrorInfo, PgWireError, PgWireResult};
use pgwire::messages::PgWireBackendMessage;
use serde::Deserialize;
use sqlx::PgPool;

use crate::audit;
use crate::catalog::Catalog;

#[derive(Row, Deserialize)]
struct Point {
    ts: u32,
    value: f64,
}

fn user_error(msg: String) -> PgWireError {
    PgWireError::UserError(Box::new(ErrorInfo::new("ERROR".to_owned(), "42601".to_owned(), msg)))
}

fn api_error<E: std::error::Error + Send + Sync + 'static>(e: E) -> PgWireError {
    PgWireError::ApiError(Box::new(e))
}

pub struct MetricsQueryHandler {
    audit: PgPool,
    catalog: Catalog,
}

impl NoopStartupHandler for MetricsQueryHandler {}

#[async_trait]
impl SimpleQueryHandler for MetricsQueryHandler {
    /// Supported statement: `SELECT METRIC <name> [LAST <n>]`
    async fn do_query<'a, C>(&self, client: &mut C, query: &'a str) -> PgWireResult<Vec<Response<'a>>>
    where
        C: ClientInfo + Sink<PgWireBackendMessage> + Unpin + Send + Sync,
        C::Error: Debug,
        PgWireError: From<<C as Sink<PgWireBackendMessage>>::Error>,
    {
        let user = client.metadata().get("user").cloned().unwrap_or_default();
        let parts: Vec<&str> = query.trim().trim_end_matches(';').split_whitespace().collect();
        if parts.len() < 3
            || !parts[0].eq_ignore_ascii_case("select")
            || !parts[1].eq_ignore_ascii_case("metric")
        {
            return Err(user_error(format!("unsupported statement: {query}")));
        }
        let metric = parts[2];
        let limit: u64 = match parts.get(3..5) {
            Some([kw, n]) if kw.eq_ignore_ascii_case("last") => n.parse().unwrap_or(100),
            _ => 100,
        };

        let def = self
            .catalog
            .lookup(metric)
            .await
            .map_err(api_error)?
            .ok_or_else(|| user_error(format!("unknown metric {metric}")))?;

        let ch_url = std::env::var("CLICKHOUSE_URL").unwrap_or_else(|_| "http://clickhouse:8123".into());
        let ch = clickhouse::Client::default().with_url(ch_url).with_user("gateway");
        let points = ch
            .query(&format!(
                "SELECT toUInt32(ts) AS ts, value FROM {} WHERE metric = ? ORDER BY ts DESC LIMIT ?",
                def.table
            ))
            .bind(metric)
            .bind(limit)
            .fetch_all::<Point>()
            .await
            .map_err(api_error)?;

        audit::record(&self.audit, &user, query, points.len())
            .await
            .map_err(api_error)?;

        let schema = Arc::new(vec![
            FieldInfo::new("ts".into(), None, None, Type::INT8, FieldFormat::Text),
            FieldInfo::new(format!("value_{}", def.unit), None, None, Type::FLOAT8, FieldFormat::Text),
        ]);
        let schema_ref = schema.clone();
        let rows = stream::iter(points.into_iter()).map(move |p| {
            let mut encoder = DataRowEncoder::new(schema_ref.clone());
            encoder.encode_field(&(p.ts as i64))?;
            encoder.encode_field(&p.value)?;
            encoder.finish()
        });
        Ok(vec![Response::Query(QueryResponse::new(schema, rows))])
    }
}

pub struct GatewayHandlers {
    query: Arc<MetricsQueryHandler>,
}

impl GatewayHandlers {
    pub fn new(audit: PgPool, catalog: Catalog) -> Self {
        Self { query: Arc::new(MetricsQueryHandler { audit, catalog }) }
    }
}

impl PgWireServerHandlers for GatewayHandlers {
    type StartupHandler = MetricsQueryHandler;
    type SimpleQueryHandler = MetricsQueryHandler;
    type ExtendedQueryHandler = PlaceholderExtendedQueryHandler;
    type CopyHandler = NoopCopyHandler;
    type ErrorHandler = NoopErrorHandler;

    fn simple_query_handler(&self) -> Arc<Self::SimpleQueryHandler> { self.query.clone() }
    fn extended_query_handler(&self) -> Arc<Self::ExtendedQueryHandler> { Arc::new(PlaceholderExtendedQueryHandler) }
    fn startup_handler(&self) -> Arc<Self::StartupHandler> { self.query.clone() }
    fn copy_handler(&self) -> Arc<Self::CopyHandler> { Arc::new(NoopCopyHandler) }
    fn error_handler(&self) -> Arc<Self::ErrorHandler> { Arc::new(NoopErrorHandler) }
}
