use mongodb::bson::doc;
use nostr_sdk::prelude::*;
use serde::Deserialize;

use crate::clusters;

#[derive(Deserialize)]
struct Nip05 {
    names: std::collections::HashMap<String, String>,
}

fn community_of(event: &Event) -> Option<String> {
    event.tags.iter().find_map(|t| match t.as_standardized() {
        Some(TagStandard::Hashtag(h)) if clusters::is_tracked(h) => Some(h.clone()),
        _ => None,
    })
}

async fn verified(domain_user: &str, pubkey: &PublicKey) -> bool {
    let Some((name, domain)) = domain_user.split_once('@') else { return false };
    let url = format!("https://{domain}/.well-known/nostr.json?name={name}");
    match clusters::http().get(url).send().await {
        Ok(r) => r
            .json::<Nip05>()
            .await
            .map(|n| n.names.get(name) == Some(&pubkey.to_hex()))
            .unwrap_or(false),
        Err(_) => false,
    }
}

/// Runs for every event the relays deliver.
pub async fn index_event(event: &Event) -> anyhow::Result<()> {
    let Some(community) = community_of(event) else { return Ok(()) };

    let nip05 = std::env::var("REQUIRE_NIP05_DOMAIN").ok();
    let is_verified = match nip05 {
        Some(id) => verified(&id, &event.pubkey).await,
        None => true,
    };

    let client = clusters::for_community(&community).await?;
    client
        .database("nostr")
        .collection::<mongodb::bson::Document>("notes")
        .insert_one(doc! {
            "_id": event.id.to_hex(),
            "pubkey": event.pubkey.to_hex(),
            "content": &event.content,
            "created_at": event.created_at.as_u64() as i64,
            "verified": is_verified,
        })
        .await?;
    Ok(())
}
