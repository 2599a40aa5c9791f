use std::time::Duration;

use elasticsearch::auth::Credentials;
use elasticsearch::http::transport::{SingleNodeConnectionPool, TransportBuilder};
use elasticsearch::http::Url;
use elasticsearch::Elasticsearch;

/// Builds the Elasticsearch client. The shipper is one long-running process
/// per host; `main` calls this exactly once.
pub fn elastic() -> anyhow::Result<Elasticsearch> {
    let url = Url::parse(&std::env::var("ES_URL")?)?;
    let transport = TransportBuilder::new(SingleNodeConnectionPool::new(url))
        .auth(Credentials::ApiKey(
            std::env::var("ES_API_KEY_ID")?,
            std::env::var("ES_API_KEY")?,
        ))
        .timeout(Duration::from_secs(30))
        .build()?;
    Ok(Elasticsearch::new(transport))
}
