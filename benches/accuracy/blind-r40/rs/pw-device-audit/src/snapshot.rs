//! Keeps the full property dictionary of every device the first time it shows
//! up, so support can see driver / firmware / profile details later.

use pipewire::spa::utils::dict::DictRef;
use postgres::{Client, NoTls};
use serde_json::{Map, Value};

pub fn capture(workstation: &str, node_id: u32, props: &DictRef) -> anyhow::Result<()> {
    let mut doc = Map::new();
    for (key, value) in props.iter() {
        doc.insert(key.to_owned(), Value::String(value.to_owned()));
    }

    let url = std::env::var("STUDIO_DATABASE_URL")?;
    let mut client = Client::connect(&url, NoTls)?;
    client.execute(
        "INSERT INTO device_snapshots (workstation, node_id, props, taken_at) \
         VALUES ($1, $2, $3::text::jsonb, now())",
        &[&workstation, &(node_id as i64), &Value::Object(doc).to_string()],
    )?;
    Ok(())
}
