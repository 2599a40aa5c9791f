//! Envoy dynamic module. Envoy loads the .so once, calls
//! `new_http_filter_config_fn` once per filter configuration, and then
//! `new_http_filter` for every HTTP stream.

mod tenants;

use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use envoy_proxy_dynamic_modules_rust_sdk::*;
use serde::Deserialize;

use crate::tenants::TenantPools;

declare_init_functions!(init, new_http_filter_config_fn);

fn init() -> bool {
    true
}

#[derive(Deserialize)]
struct RawConfig {
    limit_per_minute: u64,
    tenants: std::collections::HashMap<String, String>,
}

fn new_http_filter_config_fn<EC: EnvoyHttpFilterConfig, EHF: EnvoyHttpFilter>(
    _envoy_filter_config: &mut EC,
    filter_name: &str,
    filter_config: &[u8],
) -> Option<Box<dyn HttpFilterConfig<EC, EHF>>> {
    match filter_name {
        "tenant_ratelimit" => {
            let raw: RawConfig = serde_json::from_slice(filter_config).ok()?;
            Some(Box::new(RateLimitConfig {
                limit: raw.limit_per_minute,
                pools: Arc::new(TenantPools::new(raw.tenants)),
            }))
        }
        other => panic!("unknown filter name: {other}"),
    }
}

/// Lives as long as the filter configuration (i.e. until the listener is
/// reconfigured); owns the per-tenant Redis pools.
struct RateLimitConfig {
    limit: u64,
    pools: Arc<TenantPools>,
}

impl<EC: EnvoyHttpFilterConfig, EHF: EnvoyHttpFilter> HttpFilterConfig<EC, EHF> for RateLimitConfig {
    fn new_http_filter(&mut self, _envoy: &mut EC) -> Box<dyn HttpFilter<EHF>> {
        Box::new(RateLimitFilter {
            limit: self.limit,
            pools: Arc::clone(&self.pools),
        })
    }
}

/// One per HTTP request.
struct RateLimitFilter {
    limit: u64,
    pools: Arc<TenantPools>,
}

impl<EHF: EnvoyHttpFilter> HttpFilter<EHF> for RateLimitFilter {
    fn on_request_headers(
        &mut self,
        envoy_filter: &mut EHF,
        _end_of_stream: bool,
    ) -> abi::envoy_dynamic_module_type_on_http_filter_request_headers_status {
        let Some(tenant) = envoy_filter.get_request_header_value("x-tenant-id") else {
            envoy_filter.send_response(400, vec![], Some(b"missing x-tenant-id"));
            return abi::envoy_dynamic_module_type_on_http_filter_request_headers_status::StopIteration;
        };
        let tenant = String::from_utf8_lossy(tenant.as_slice()).to_string();

        let window = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs() / 60)
            .unwrap_or_default();

        match self.pools.hit(&tenant, window) {
            Ok(Some(count)) if count > self.limit => {
                envoy_filter.send_response(429, vec![("retry-after", b"60")], Some(b"rate limited"));
                abi::envoy_dynamic_module_type_on_http_filter_request_headers_status::StopIteration
            }
            Ok(Some(_)) => abi::envoy_dynamic_module_type_on_http_filter_request_headers_status::Continue,
            Ok(None) => {
                envoy_filter.send_response(403, vec![], Some(b"unknown tenant"));
                abi::envoy_dynamic_module_type_on_http_filter_request_headers_status::StopIteration
            }
            // fail open: never take the API down because a Redis is unhappy
            Err(_) => abi::envoy_dynamic_module_type_on_http_filter_request_headers_status::Continue,
        }
    }
}
