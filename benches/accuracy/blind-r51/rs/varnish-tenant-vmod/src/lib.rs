//! `import tenant;` from VCL. Every function here runs on a Varnish worker
//! thread while a client request is being processed.
mod directory;

use varnish::vmod;

#[vmod]
mod tenant {
    use crate::directory;

    /// Resolves a Host header to the tenant slug; "" when the domain is unknown.
    pub fn lookup(host: &str) -> Result<String, String> {
        directory::tenant_for_host(host).map_err(|e| e.to_string())
    }

    /// True when the tenant has used up its per-minute request budget.
    pub fn over_quota(tenant: &str, limit: i64) -> bool {
        match directory::over_quota(tenant, limit) {
            Ok(over) => over,
            // Fail open: a Redis hiccup must not take every site down.
            Err(_) => false,
        }
    }

    /// Tells the origin's audit service that a tenant issued a BAN.
    pub fn report_ban(tenant: &str, pattern: &str) {
        if let Err(err) = directory::report_ban(tenant, pattern) {
            eprintln!("vmod_tenant: report_ban failed: {err}");
        }
    }
}
