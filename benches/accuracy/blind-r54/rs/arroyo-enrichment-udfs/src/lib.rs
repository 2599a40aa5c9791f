//! Enrichment UDFs for the clickstream pipeline.
//!
//! Each module holds one UDF. Arroyo calls a scalar UDF once per input row;
//! async UDFs may have many calls in flight at once (`allowed_in_flight`).

pub mod fraud;
pub mod geo;
pub mod tier;

use std::env;

/// Reads a required setting from the worker environment. Arroyo workers get
/// these through the pipeline's Kubernetes deployment.
pub(crate) fn setting(name: &str) -> Option<String> {
    match env::var(name) {
        Ok(v) if !v.trim().is_empty() => Some(v),
        _ => None,
    }
}

/// Normalises an IPv4/IPv6 address string coming from the edge logs
/// (some proxies append the source port).
pub(crate) fn normalise_ip(raw: &str) -> &str {
    let trimmed = raw.trim();
    if trimmed.matches(':').count() == 1 {
        trimmed.split(':').next().unwrap_or(trimmed)
    } else {
        trimmed
    }
}

#[cfg(test)]
mod tests {
    use super::normalise_ip;

    #[test]
    fn strips_port_from_ipv4() {
        assert_eq!(normalise_ip("10.1.2.3:44321"), "10.1.2.3");
        assert_eq!(normalise_ip("2001:db8::1"), "2001:db8::1");
    }
}
