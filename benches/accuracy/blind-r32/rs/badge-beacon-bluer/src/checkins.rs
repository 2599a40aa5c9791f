use mongodb::bson::{doc, DateTime, Document};
use mongodb::options::ClientOptions;
use mongodb::{Client, Collection};

pub struct Checkins {
    scans: Collection<Document>,
}

impl Checkins {
    pub async fn open(uri: &str) -> mongodb::error::Result<Self> {
        let mut opts = ClientOptions::parse(uri).await?;
        opts.app_name = Some("badge-beacon".into());
        opts.max_pool_size = Some(4);
        let client = Client::with_options(opts)?;
        Ok(Self { scans: client.database("conference").collection("checkins") })
    }

    pub async fn record(&self, attendee: &str, room: &str, device: &str) -> mongodb::error::Result<()> {
        self.scans
            .insert_one(doc! {
                "attendee_id": attendee,
                "room": room,
                "device": device,
                "at": DateTime::now(),
            })
            .await?;
        Ok(())
    }
}
