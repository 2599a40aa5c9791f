use elasticsearch::http::transport::Transport;
use elasticsearch::Elasticsearch;

/// Called once from the watcher's main; the client is cheap to clone.
pub fn client() -> anyhow::Result<Elasticsearch> {
    let url = std::env::var("ELASTICSEARCH_URL").unwrap_or_else(|_| "http://127.0.0.1:9200".into());
    Ok(Elasticsearch::new(Transport::single_node(&url)?))
}
