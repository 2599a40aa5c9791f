use mongodb::bson::{doc, Document};
use mongodb::{Client, Collection};

/// Registered attendees, keyed by the token printed in their badge QR/NFC.
pub struct Roster {
    attendees: Collection<Document>,
}

impl Roster {
    pub async fn load(uri: &str) -> mongodb::error::Result<Self> {
        let client = Client::with_uri_str(uri).await?;
        let attendees = client.database("conference").collection("attendees");
        Ok(Self { attendees })
    }

    pub async fn lookup(&self, token: &str) -> Option<String> {
        let found = self.attendees.find_one(doc! { "badge_token": token }).await.ok()??;
        found.get_str("attendee_id").ok().map(str::to_owned)
    }
}
