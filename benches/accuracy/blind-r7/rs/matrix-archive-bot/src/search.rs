use elasticsearch::http::transport::Transport;
use elasticsearch::{Elasticsearch, IndexParts};
use serde_json::json;

/// Makes an archived message full-text searchable.
pub async fn index_message(
    es_url: &str,
    room_id: &str,
    event_id: &str,
    sender: &str,
    body: &str,
) -> anyhow::Result<()> {
    let es = Elasticsearch::new(Transport::single_node(es_url)?);
    es.index(IndexParts::IndexId("matrix-messages", event_id))
        .body(json!({
            "room_id": room_id,
            "sender": sender,
            "body": body,
        }))
        .send()
        .await?
        .error_for_status_code()?;
    Ok(())
}
