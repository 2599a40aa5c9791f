use mongodb::bson::doc;
use mongodb::options::ClientOptions;
use mongodb::Client;

use crate::ingest::Reading;

/// Client for the cold-chain compliance archive.
pub async fn client() -> mongodb::error::Result<Client> {
    let uri = std::env::var("ARCHIVE_MONGO_URI").unwrap_or_else(|_| "mongodb://localhost:27017".into());
    let mut opts = ClientOptions::parse(&uri).await?;
    opts.app_name = Some("bastion-telemetry".into());
    Client::with_options(opts)
}

pub async fn record_excursion(client: &Client, reading: &Reading) -> mongodb::error::Result<()> {
    client
        .database("compliance")
        .collection("excursions")
        .insert_one(doc! {
            "sensor_id": &reading.sensor_id,
            "site": &reading.site,
            "celsius": reading.celsius,
            "taken_at": reading.taken_at,
        })
        .await?;
    Ok(())
}
