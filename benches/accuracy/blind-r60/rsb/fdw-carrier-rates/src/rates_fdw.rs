use pgrx::pg_sys::panic::ErrorReport;
use pgrx::PgSqlErrorCode;
use serde::Deserialize;
use std::collections::HashMap;
use std::time::Duration;
use supabase_wrappers::prelude::*;
use thiserror::Error;

#[derive(Error, Debug)]
enum RatesFdwError {
    #[error("{0}")]
    Options(#[from] OptionsError),
    #[error("{0}")]
    Runtime(#[from] CreateRuntimeError),
    #[error("rates api: {0}")]
    Http(#[from] reqwest::Error),
    #[error("override cache: {0}")]
    Redis(#[from] redis::RedisError),
    #[error("column '{0}' is required")]
    MissingColumn(&'static str),
}

impl From<RatesFdwError> for ErrorReport {
    fn from(value: RatesFdwError) -> Self {
        ErrorReport::new(PgSqlErrorCode::ERRCODE_FDW_ERROR, format!("{value}"), "")
    }
}

type RatesResult<T> = Result<T, RatesFdwError>;

#[derive(Deserialize)]
struct Quote {
    carrier: String,
    service: String,
    zone: i64,
    price_cents: i64,
    origin_zip: String,
}

#[wrappers_fdw(
    version = "0.3.1",
    author = "Logistics Platform",
    website = "https://git.internal/logistics/carrier-rates-fdw",
    error_type = "RatesFdwError"
)]
pub(crate) struct CarrierRatesFdw {
    rt: Runtime,
    api_url: String,
    api_key: String,
    redis_url: String,
    tgt_cols: Vec<Column>,
    rows: Vec<Quote>,
    idx: usize,
}

impl ForeignDataWrapper<RatesFdwError> for CarrierRatesFdw {
    fn new(server: ForeignServer) -> RatesResult<Self> {
        Ok(Self {
            rt: create_async_runtime()?,
            api_url: require_option("api_url", &server.options)?.trim_end_matches('/').to_string(),
            api_key: require_option("api_key", &server.options)?.to_string(),
            redis_url: require_option("overrides_redis_url", &server.options)?.to_string(),
            tgt_cols: Vec::new(),
            rows: Vec::new(),
            idx: 0,
        })
    }

    fn begin_scan(
        &mut self,
        quals: &[Qual],
        columns: &[Column],
        _sorts: &[Sort],
        limit: &Option<Limit>,
        options: &HashMap<String, String>,
    ) -> RatesResult<()> {
        let object = require_option_or("object", options, "quotes");
        let origin = quals.iter().find_map(|q| match (&q.value, q.field.as_str(), q.operator.as_str()) {
            (Value::Cell(Cell::String(zip)), "origin_zip", "=") => Some(zip.clone()),
            _ => None,
        });

        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(15))
            .user_agent("carrier-rates-fdw/0.3")
            .build()?;
        let mut req = client
            .get(format!("{}/v2/{}", self.api_url, object))
            .bearer_auth(&self.api_key);
        if let Some(zip) = origin {
            req = req.query(&[("origin_zip", zip)]);
        }
        if let Some(limit) = limit {
            req = req.query(&[("limit", limit.count + limit.offset)]);
        }

        self.rows = self.rt.block_on(async move {
            req.send().await?.error_for_status()?.json::<Vec<Quote>>().await
        })?;
        self.idx = 0;
        self.tgt_cols = columns.to_vec();
        Ok(())
    }

    fn iter_scan(&mut self, row: &mut Row) -> RatesResult<Option<()>> {
        let Some(quote) = self.rows.get(self.idx) else {
            return Ok(None);
        };
        for col in &self.tgt_cols {
            let cell = match col.name.as_str() {
                "carrier" => Some(Cell::String(quote.carrier.clone())),
                "service" => Some(Cell::String(quote.service.clone())),
                "zone" => Some(Cell::I64(quote.zone)),
                "price_cents" => Some(Cell::I64(quote.price_cents)),
                "origin_zip" => Some(Cell::String(quote.origin_zip.clone())),
                _ => None,
            };
            row.push(&col.name, cell);
        }
        self.idx += 1;
        Ok(Some(()))
    }

    fn re_scan(&mut self) -> RatesResult<()> {
        self.idx = 0;
        Ok(())
    }

    fn end_scan(&mut self) -> RatesResult<()> {
        self.rows.clear();
        Ok(())
    }

    fn begin_modify(&mut self, _options: &HashMap<String, String>) -> RatesResult<()> {
        Ok(())
    }

    // INSERT INTO rate_overrides (carrier, price_cents) SELECT ... : called once per inserted row
    fn insert(&mut self, src: &Row) -> RatesResult<()> {
        let mut carrier = None;
        let mut price = None;
        for (name, cell) in src.iter() {
            match (name.as_str(), cell) {
                ("carrier", Some(Cell::String(c))) => carrier = Some(c.clone()),
                ("price_cents", Some(Cell::I64(p))) => price = Some(*p),
                _ => {}
            }
        }
        let carrier = carrier.ok_or(RatesFdwError::MissingColumn("carrier"))?;
        let price = price.ok_or(RatesFdwError::MissingColumn("price_cents"))?;

        let mut conn = redis::Client::open(self.redis_url.as_str())?.get_connection()?;
        redis::cmd("HSET")
            .arg("rate_overrides")
            .arg(&carrier)
            .arg(price)
            .query::<()>(&mut conn)?;
        Ok(())
    }

    fn end_modify(&mut self) -> RatesResult<()> {
        Ok(())
    }
}
