//! Connection URLs: scheme, host, port and query parameters, and what they say about poolers.
//! Used by the project rules over URL facts (dotenv values, string literals).

use crate::catalog::{PoolerDef, PoolerMode};

/// A parsed connection URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedUrl {
    /// Lower-case, without a driver suffix: `postgresql+asyncpg` → `postgresql`.
    pub scheme: String,
    pub host: String,
    pub port: Option<u16>,
    pub params: Vec<(String, String)>,
}

impl ParsedUrl {
    pub fn parse(text: &str) -> Option<ParsedUrl> {
        let (scheme, rest) = text.split_once("://")?;
        let scheme = scheme
            .split('+')
            .next()
            .unwrap_or(scheme)
            .to_ascii_lowercase();
        let (before_query, query) = match rest.split_once('?') {
            Some((a, q)) => (a, q),
            None => (rest, ""),
        };
        let authority = before_query.split('/').next().unwrap_or("");
        let hostport = authority
            .rsplit_once('@')
            .map(|(_, h)| h)
            .unwrap_or(authority);
        // The first host of a multi-host URL.
        let first = hostport.split(',').next().unwrap_or("");
        let (host, port) = match first.rsplit_once(':') {
            Some((h, p)) if !h.ends_with(']') || first.starts_with('[') => {
                (h.to_string(), p.parse().ok())
            }
            _ => (first.to_string(), None),
        };
        let params = query
            .split('&')
            .filter(|kv| !kv.is_empty())
            .map(|kv| match kv.split_once('=') {
                Some((k, v)) => (k.to_string(), v.to_string()),
                None => (kv.to_string(), String::new()),
            })
            .collect();
        Some(ParsedUrl {
            scheme,
            host: host.to_ascii_lowercase(),
            port,
            params,
        })
    }

    pub fn param(&self, key: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, v)| v.as_str())
    }

    /// Does `pooler` (the catalogue's `[[pooler]]`) describe this URL?
    pub fn is_behind(&self, pooler: &PoolerDef) -> bool {
        (pooler.schemes.is_empty() || pooler.schemes.contains(&self.scheme))
            && pooler
                .host_suffix
                .as_ref()
                .is_none_or(|s| self.host.ends_with(s.as_str()))
            && pooler
                .host_contains
                .as_ref()
                .is_none_or(|s| self.host.contains(s.as_str()))
            && pooler
                .port
                .is_none_or(|p| self.port == Some(p) || (self.port.is_none() && pooler.or_no_port))
            && pooler.param.as_ref().is_none_or(|p| {
                self.param(&p.name)
                    .is_some_and(|v| v.eq_ignore_ascii_case(&p.value))
            })
    }

    /// The first of `poolers` in `mode` that describes this URL.
    pub fn pooler<'c>(&self, poolers: &'c [PoolerDef], mode: PoolerMode) -> Option<&'c PoolerDef> {
        poolers.iter().find(|p| p.mode == mode && self.is_behind(p))
    }

    /// A transaction-mode pooler (Supavisor/PgBouncer on `:6543`, Neon's `-pooler.` hosts,
    /// `pgbouncer=true`, as the catalogue lists them).
    pub fn is_transaction_pooler(&self, poolers: &[PoolerDef]) -> bool {
        self.pooler(poolers, PoolerMode::Transaction).is_some()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn parses_supabase_urls() {
        let u = ParsedUrl::parse("postgresql+asyncpg://postgres.ref:pw@aws-0-eu-west-1.pooler.supabase.com:5432/postgres").unwrap();
        assert_eq!(u.scheme, "postgresql");
        assert_eq!(u.port, Some(5432));
        let poolers = &crate::catalog::Catalog::shared().db.pooler;
        let session = |u: &ParsedUrl| u.pooler(poolers, PoolerMode::Session).is_some();
        assert!(session(&u) && !u.is_transaction_pooler(poolers));
        let t = ParsedUrl::parse("postgresql://u:p@aws-0-eu.pooler.supabase.com:6543/postgres?pgbouncer=true&connection_limit=1").unwrap();
        assert!(t.is_transaction_pooler(poolers) && !session(&t));
        assert_eq!(t.param("connection_limit"), Some("1"));
        let neon = ParsedUrl::parse(
            "postgres://u:p@ep-cool-1-pooler.us-east-2.aws.neon.tech/db?sslmode=require",
        )
        .unwrap();
        assert!(neon.is_transaction_pooler(poolers));
        let m = ParsedUrl::parse("mongodb+srv://u:p@cluster0.x.mongodb.net/app?maxPoolSize=200")
            .unwrap();
        assert_eq!(
            (m.scheme.as_str(), m.param("maxpoolsize")),
            ("mongodb", Some("200"))
        );
        assert!(ParsedUrl::parse("not a url").is_none());
    }
}
