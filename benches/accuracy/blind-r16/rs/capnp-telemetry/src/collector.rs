use capnp::capability::Promise;
use capnp_rpc::pry;
use deadpool_postgres::Pool;
use elasticsearch::http::transport::Transport;
use elasticsearch::{Elasticsearch, SearchParts};
use serde_json::{json, Value};

use crate::telemetry_capnp::telemetry;
use crate::{metrics_db, store};

/// One instance is handed to each connected device gateway.
pub struct Collector {
    readings: Pool,
    rollups: Pool,
    es_url: String,
}

impl Collector {
    pub fn new(readings: Pool, rollups: Pool, es_url: String) -> Self {
        Collector { readings, rollups, es_url }
    }
}

impl telemetry::Server for Collector {
    fn report(&mut self, params: telemetry::ReportParams, _: telemetry::ReportResults) -> Promise<(), capnp::Error> {
        let p = pry!(params.get());
        let device = pry!(pry!(p.get_device()).to_string());
        let metric = pry!(pry!(p.get_metric()).to_string());
        let value = p.get_value();
        let readings = self.readings.clone();
        let rollups = self.rollups.clone();
        Promise::from_future(async move {
            store::insert_reading(&readings, &device, &metric, value).await.map_err(capnp::Error::failed)?;
            metrics_db::upsert_latest(&rollups, &device, &metric, value).await.map_err(capnp::Error::failed)?;
            Ok(())
        })
    }

    fn latest(&mut self, params: telemetry::LatestParams, mut results: telemetry::LatestResults) -> Promise<(), capnp::Error> {
        let p = pry!(params.get());
        let device = pry!(pry!(p.get_device()).to_string());
        let metric = pry!(pry!(p.get_metric()).to_string());
        let rollups = self.rollups.clone();
        Promise::from_future(async move {
            let v = metrics_db::latest(&rollups, &device, &metric).await.map_err(capnp::Error::failed)?;
            let mut r = results.get();
            r.set_found(v.is_some());
            r.set_value(v.unwrap_or(0.0));
            Ok(())
        })
    }

    fn search(&mut self, params: telemetry::SearchParams, mut results: telemetry::SearchResults) -> Promise<(), capnp::Error> {
        let p = pry!(params.get());
        let query = pry!(pry!(p.get_query()).to_string());
        let limit = p.get_limit().clamp(1, 100);
        let es_url = self.es_url.clone();
        Promise::from_future(async move {
            let es = Elasticsearch::new(Transport::single_node(&es_url).map_err(|e| capnp::Error::failed(e.to_string()))?);
            let resp = es
                .search(SearchParts::Index(&["devices"]))
                .body(json!({ "size": limit, "query": { "simple_query_string": { "query": query } } }))
                .send()
                .await
                .map_err(|e| capnp::Error::failed(e.to_string()))?;
            let body: Value = resp.json().await.map_err(|e| capnp::Error::failed(e.to_string()))?;
            let hits = body["hits"]["hits"].as_array().cloned().unwrap_or_default();
            let mut list = results.get().init_devices(hits.len() as u32);
            for (i, hit) in hits.iter().enumerate() {
                list.set(i as u32, hit["_id"].as_str().unwrap_or_default());
            }
            Ok(())
        })
    }
}
