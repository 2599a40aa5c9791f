use futures::TryStreamExt;
use mongodb::bson::{doc, DateTime};
use mongodb::{Client, Collection};
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, Clone)]
pub struct Quote {
    pub text: String,
    pub author: String,
    pub added_by: String,
    pub added_at: DateTime,
}

pub struct QuoteBook {
    quotes: Collection<Quote>,
}

impl QuoteBook {
    pub async fn connect(uri: &str) -> anyhow::Result<Self> {
        let client = Client::with_uri_str(uri).await?;
        let quotes = client.database("emberguild").collection::<Quote>("quotes");
        Ok(Self { quotes })
    }

    pub async fn random(&self) -> anyhow::Result<Option<Quote>> {
        let mut cursor = self
            .quotes
            .aggregate([doc! { "$sample": { "size": 1 } }])
            .with_type::<Quote>()
            .await?;
        Ok(cursor.try_next().await?)
    }

    /// "!addquote <text> -- <who said it>"
    pub async fn add(&self, raw: &str, added_by: &str) -> anyhow::Result<()> {
        let (text, author) = match raw.rsplit_once("--") {
            Some((t, a)) => (t.trim(), a.trim()),
            None => (raw.trim(), "anonymous"),
        };
        if text.len() > 500 {
            anyhow::bail!("quote too long");
        }
        self.quotes
            .insert_one(Quote {
                text: text.to_string(),
                author: author.to_string(),
                added_by: added_by.to_string(),
                added_at: DateTime::now(),
            })
            .await?;
        Ok(())
    }
}
