//! Runs inside Envoy's Wasm VM. The root context is created once per worker
//! thread; an HttpContext is created for every request. Outbound calls go
//! through dispatch_http_call, i.e. through Envoy's own connection pool for
//! the `geo_service` cluster; the module never opens sockets itself.

use std::collections::HashSet;
use std::rc::Rc;
use std::time::Duration;

use log::{info, warn};
use proxy_wasm::traits::{Context, HttpContext, RootContext};
use proxy_wasm::types::{Action, ContextType, LogLevel};
use serde::Deserialize;

#[derive(Deserialize, Default)]
struct GateConfig {
    geo_cluster: String,
    blocked: HashSet<String>,
    paths: Vec<String>,
}

#[derive(Deserialize)]
struct GeoAnswer {
    country: String,
}

proxy_wasm::main! {{
    proxy_wasm::set_log_level(LogLevel::Info);
    proxy_wasm::set_root_context(|_| -> Box<dyn RootContext> {
        Box::new(GateRoot { config: Rc::new(GateConfig::default()) })
    });
}}

struct GateRoot {
    config: Rc<GateConfig>,
}

impl Context for GateRoot {}

impl RootContext for GateRoot {
    fn on_configure(&mut self, _plugin_configuration_size: usize) -> bool {
        let Some(raw) = self.get_plugin_configuration() else {
            warn!("geo_gate: no configuration");
            return false;
        };
        match serde_json::from_slice::<GateConfig>(&raw) {
            Ok(cfg) => {
                info!("geo_gate: {} blocked regions on {:?}", cfg.blocked.len(), cfg.paths);
                self.config = Rc::new(cfg);
                true
            }
            Err(e) => {
                warn!("geo_gate: bad configuration: {e}");
                false
            }
        }
    }

    fn create_http_context(&self, _context_id: u32) -> Option<Box<dyn HttpContext>> {
        Some(Box::new(Gate { config: Rc::clone(&self.config) }))
    }

    fn get_type(&self) -> Option<ContextType> {
        Some(ContextType::HttpContext)
    }
}

struct Gate {
    config: Rc<GateConfig>,
}

impl Context for Gate {
    fn on_http_call_response(&mut self, _token_id: u32, _num_headers: usize, body_size: usize, _num_trailers: usize) {
        let answer = self
            .get_http_call_response_body(0, body_size)
            .and_then(|b| serde_json::from_slice::<GeoAnswer>(&b).ok());
        match answer {
            Some(a) if self.config.blocked.contains(&a.country) => {
                self.send_http_response(451, vec![("content-type", "text/plain")], Some("Unavailable in your region\n".as_bytes()));
            }
            Some(a) => {
                self.set_http_request_header("x-client-country", Some(&a.country));
                self.resume_http_request();
            }
            None => {
                // Fail open: the geo service is advisory for non-payment traffic.
                warn!("geo_gate: no usable answer from {}", self.config.geo_cluster);
                self.resume_http_request();
            }
        }
    }
}

impl HttpContext for Gate {
    fn on_http_request_headers(&mut self, _num_headers: usize, _end_of_stream: bool) -> Action {
        let path = self.get_http_request_header(":path").unwrap_or_default();
        if !self.config.paths.iter().any(|p| path.starts_with(p.as_str())) {
            return Action::Continue;
        }
        let client_ip = self
            .get_http_request_header("x-forwarded-for")
            .and_then(|v| v.split(',').next().map(|s| s.trim().to_string()))
            .unwrap_or_default();
        let lookup = format!("/v1/country?ip={client_ip}");
        match self.dispatch_http_call(
            &self.config.geo_cluster,
            vec![(":method", "GET"), (":path", lookup.as_str()), (":authority", "geo.internal")],
            None,
            vec![],
            Duration::from_millis(300),
        ) {
            Ok(_) => Action::Pause,
            Err(status) => {
                warn!("geo_gate: dispatch to {} failed: {status:?}", self.config.geo_cluster);
                Action::Continue
            }
        }
    }
}
