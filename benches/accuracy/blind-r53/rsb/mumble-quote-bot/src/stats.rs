use futures::TryStreamExt;
use mongodb::bson::{doc, Document};
use mongodb::options::ClientOptions;
use mongodb::{Client, Collection};

pub struct Stats {
    counters: Collection<Document>,
}

impl Stats {
    pub async fn connect(uri: &str) -> anyhow::Result<Self> {
        let mut opts = ClientOptions::parse(uri).await?;
        opts.app_name = Some("quotebot-stats".into());
        opts.max_pool_size = Some(5);
        let client = Client::with_options(opts)?;
        let counters = client.database("emberguild").collection("chat_counters");
        Ok(Self { counters })
    }

    pub async fn count_message(&self, author: &str) -> anyhow::Result<()> {
        self.counters
            .update_one(
                doc! { "_id": author },
                doc! { "$inc": { "messages": 1 }, "$currentDate": { "last_seen": true } },
            )
            .upsert(true)
            .await?;
        Ok(())
    }

    pub async fn top(&self, n: i64) -> anyhow::Result<Vec<(String, i64)>> {
        let mut cursor = self
            .counters
            .find(doc! {})
            .sort(doc! { "messages": -1 })
            .limit(n)
            .await?;
        let mut rows = Vec::new();
        while let Some(d) = cursor.try_next().await? {
            let name = d.get_str("_id").unwrap_or("?").to_string();
            let count = d.get_i64("messages").or_else(|_| d.get_i32("messages").map(i64::from)).unwrap_or(0);
            rows.push((name, count));
        }
        Ok(rows)
    }
}
