//! OpenTelemetry span exporter writing to ClickHouse. `export` is called by
//! the batch span processor for every batch; the clients it uses are built
//! once (default cluster) or once per enterprise tenant (dedicated cluster).

use std::collections::HashMap;
use std::fmt;
use std::time::UNIX_EPOCH;

use clickhouse::{Client, Row};
use futures_util::future::BoxFuture;
use opentelemetry::trace::TraceError;
use opentelemetry::Value;
use opentelemetry_sdk::export::trace::{ExportResult, SpanData, SpanExporter};
use serde::Serialize;

#[derive(Row, Serialize)]
struct SpanRow {
    trace_id: String,
    span_id: String,
    parent_span_id: String,
    name: String,
    tenant: String,
    start_us: u64,
    duration_us: u64,
    status: String,
}

fn tenant_of(span: &SpanData) -> String {
    span.attributes
        .iter()
        .find(|kv| kv.key.as_str() == "tenant.id")
        .map(|kv| match &kv.value {
            Value::String(s) => s.as_str().to_owned(),
            other => other.to_string(),
        })
        .unwrap_or_else(|| "shared".to_owned())
}

fn to_row(span: &SpanData, tenant: String) -> SpanRow {
    let start = span.start_time.duration_since(UNIX_EPOCH).unwrap_or_default();
    let end = span.end_time.duration_since(UNIX_EPOCH).unwrap_or_default();
    SpanRow {
        trace_id: span.span_context.trace_id().to_string(),
        span_id: span.span_context.span_id().to_string(),
        parent_span_id: span.parent_span_id.to_string(),
        name: span.name.to_string(),
        tenant,
        start_us: start.as_micros() as u64,
        duration_us: end.saturating_sub(start).as_micros() as u64,
        status: format!("{:?}", span.status),
    }
}

pub struct ClickHouseExporter {
    shared: Client,
    dedicated_urls: HashMap<String, String>,
    dedicated: HashMap<String, Client>,
}

impl fmt::Debug for ClickHouseExporter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClickHouseExporter")
            .field("dedicated_tenants", &self.dedicated_urls.keys().collect::<Vec<_>>())
            .finish()
    }
}

impl ClickHouseExporter {
    pub fn new(url: &str, user: &str, password: &str, dedicated_urls: HashMap<String, String>) -> Self {
        let shared = Client::default()
            .with_url(url)
            .with_user(user)
            .with_password(password)
            .with_database("traces");
        Self { shared, dedicated_urls, dedicated: HashMap::new() }
    }

    /// Tenants on a dedicated cluster get their own client, created on first use and kept.
    fn client_for(&mut self, tenant: &str) -> Client {
        let Some(url) = self.dedicated_urls.get(tenant) else {
            return self.shared.clone();
        };
        self.dedicated
            .entry(tenant.to_owned())
            .or_insert_with(|| Client::default().with_url(url).with_database("traces"))
            .clone()
    }
}

impl SpanExporter for ClickHouseExporter {
    fn export(&mut self, batch: Vec<SpanData>) -> BoxFuture<'static, ExportResult> {
        let mut grouped: HashMap<String, Vec<SpanRow>> = HashMap::new();
        for span in &batch {
            let tenant = tenant_of(span);
            grouped.entry(tenant.clone()).or_default().push(to_row(span, tenant));
        }
        let targets: Vec<(Client, Vec<SpanRow>)> = grouped
            .into_iter()
            .map(|(tenant, rows)| (self.client_for(&tenant), rows))
            .collect();

        Box::pin(async move {
            for (client, rows) in targets {
                let mut insert = client
                    .insert::<SpanRow>("spans")
                    .map_err(|e| TraceError::from(e.to_string()))?;
                for row in &rows {
                    insert.write(row).await.map_err(|e| TraceError::from(e.to_string()))?;
                }
                insert.end().await.map_err(|e| TraceError::from(e.to_string()))?;
            }
            Ok(())
        })
    }

    fn shutdown(&mut self) {
        self.dedicated.clear();
    }
}
