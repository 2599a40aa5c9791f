use chrono::{DateTime, Utc};
use futures_util::stream::FuturesOrdered;
use grafana_plugin_sdk::{backend, data, prelude::*};
use redis::AsyncCommands;
use serde::Deserialize;
use sqlx::postgres::PgPoolOptions;

use crate::plugin::{connect_options, LedgerPlugin, Settings};

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LedgerQuery {
    pub account: String,
    #[serde(default)]
    pub currency: Option<String>,
}

#[derive(Debug, thiserror::Error)]
#[error("ledger query {ref_id} failed: {message}")]
pub struct QueryError {
    ref_id: String,
    message: String,
}

impl backend::DataQueryError for QueryError {
    fn ref_id(self) -> String {
        self.ref_id
    }
}

#[backend::async_trait]
impl backend::DataService for LedgerPlugin {
    type Query = LedgerQuery;
    type QueryError = QueryError;
    type Stream = backend::BoxDataResponseStream<Self::QueryError>;

    /// Called by Grafana for every panel refresh.
    async fn query_data(&self, request: backend::QueryDataRequest<Self::Query, Self>) -> Self::Stream {
        let settings = request.plugin_context.instance_settings.clone();
        Box::pin(
            request
                .queries
                .into_iter()
                .map(move |q| {
                    let settings = settings.clone();
                    async move {
                        let ref_id = q.ref_id.clone();
                        run_query(&settings, q)
                            .await
                            .map_err(|e| QueryError { ref_id, message: e.to_string() })
                    }
                })
                .collect::<FuturesOrdered<_>>(),
        )
    }
}

async fn run_query(
    settings: &Settings,
    q: backend::DataQuery<LedgerQuery>,
) -> Result<backend::DataResponse, Box<dyn std::error::Error + Send + Sync>> {
    let from = q.time_range.from;
    let to = q.time_range.to;
    let cache_key = format!("ledger:{}:{}:{}:{}", settings.uid, q.query.account, from.timestamp(), to.timestamp());

    let redis_url = settings.json_data.redis_url.clone().unwrap_or_else(|| "redis://127.0.0.1/".into());
    let mut cache = redis::Client::open(redis_url)?.get_multiplexed_async_connection().await?;
    let cached: Option<String> = cache.get(&cache_key).await?;

    let rows: Vec<(DateTime<Utc>, f64)> = match cached {
        Some(json) => serde_json::from_str(&json)?,
        None => {
            let pool = PgPoolOptions::new()
                .max_connections(2)
                .connect_with(connect_options(settings))
                .await?;
            let rows: Vec<(DateTime<Utc>, f64)> = sqlx::query_as(
                "SELECT booked_at, sum(amount)::float8 OVER (ORDER BY booked_at) \
                 FROM ledger_entries WHERE account = $1 AND currency = coalesce($2, currency) \
                   AND booked_at BETWEEN $3 AND $4 ORDER BY booked_at",
            )
            .bind(&q.query.account)
            .bind(q.query.currency.as_deref())
            .bind(from)
            .bind(to)
            .fetch_all(&pool)
            .await?;
            let _: () = cache.set_ex(&cache_key, serde_json::to_string(&rows)?, 30).await?;
            rows
        }
    };

    let (times, balances): (Vec<DateTime<Utc>>, Vec<f64>) = rows.into_iter().unzip();
    let frame = data::Frame::new(q.query.account.clone())
        .with_field(times.into_field("time"))
        .with_field(balances.into_field("balance"));
    Ok(backend::DataResponse::new(q.ref_id, vec![frame.check()?]))
}
