use std::sync::OnceLock;
use std::time::Duration;

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::Request;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;

type HttpClient = Client<HttpConnector, Full<Bytes>>;

static HTTP: OnceLock<HttpClient> = OnceLock::new();

fn http() -> &'static HttpClient {
    HTTP.get_or_init(|| {
        Client::builder(TokioExecutor::new())
            .pool_idle_timeout(Duration::from_secs(30))
            .build_http()
    })
}

/// Reports liveness to the controller every 30 seconds.
pub async fn run(controller: String, agent_id: String) {
    let mut tick = tokio::time::interval(Duration::from_secs(30));
    loop {
        tick.tick().await;

        let body = serde_json::json!({ "agent": agent_id, "status": "up" }).to_string();
        let req = match Request::post(format!("{controller}/v1/heartbeat"))
            .header("content-type", "application/json")
            .body(Full::new(Bytes::from(body)))
        {
            Ok(req) => req,
            Err(e) => {
                tracing::error!(error = %e, "bad heartbeat request");
                continue;
            }
        };

        match http().request(req).await {
            Ok(resp) => {
                let status = resp.status();
                let _ = resp.into_body().collect().await;
                if !status.is_success() {
                    tracing::warn!(%status, "controller rejected heartbeat");
                }
            }
            Err(e) => tracing::warn!(error = %e, "heartbeat failed"),
        }
    }
}
