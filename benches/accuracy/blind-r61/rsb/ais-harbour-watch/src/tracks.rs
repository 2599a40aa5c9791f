//! Position history for the replay map, kept in the tracks MongoDB
//! (2dsphere index on `loc`).

use mongodb::bson::{doc, DateTime, Document};
use mongodb::Client;

pub async fn record_position(
    mmsi: u32,
    lat: f64,
    lon: f64,
    sog_knots: Option<f64>,
    cog: Option<f64>,
) -> anyhow::Result<()> {
    let uri = std::env::var("TRACKS_MONGO_URI").unwrap_or_else(|_| "mongodb://tracks-db:27017".into());
    let client = Client::with_uri_str(&uri).await?;
    let positions = client.database("ais").collection::<Document>("positions");
    positions
        .insert_one(doc! {
            "mmsi": mmsi as i64,
            "at": DateTime::now(),
            "loc": { "type": "Point", "coordinates": [lon, lat] },
            "sog": sog_knots,
            "cog": cog,
        })
        .await?;
    Ok(())
}
