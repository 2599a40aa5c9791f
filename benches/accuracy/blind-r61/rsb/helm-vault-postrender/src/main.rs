//! One process per `helm install` / `helm upgrade`: read the rendered
//! manifests from stdin, resolve Vault placeholders, print the result.

use std::io::{Read, Write};

use serde::Deserialize;
use serde_yaml::Value;

mod audit;
mod vault;

fn main() -> anyhow::Result<()> {
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input)?;

    let vault = vault::Vault::from_env()?;
    let mut resolved = 0usize;
    let mut docs = Vec::new();

    for document in serde_yaml::Deserializer::from_str(&input) {
        let mut doc = Value::deserialize(document)?;
        if doc.is_null() {
            continue;
        }
        if doc.get("kind").and_then(Value::as_str) == Some("Secret") {
            for section in ["stringData", "data"] {
                if let Some(Value::Mapping(entries)) = doc.get_mut(section) {
                    for (_, value) in entries.iter_mut() {
                        if let Some(reference) = value.as_str().and_then(|s| s.strip_prefix("vault:")) {
                            let secret = vault.read(reference)?;
                            *value = Value::String(if section == "data" {
                                vault::base64(&secret)
                            } else {
                                secret
                            });
                            resolved += 1;
                        }
                    }
                }
            }
        }
        docs.push(serde_yaml::to_string(&doc)?);
    }

    let output = docs.join("---\n");
    std::io::stdout().write_all(output.as_bytes())?;

    audit::record_render(&input, resolved)?;
    Ok(())
}
