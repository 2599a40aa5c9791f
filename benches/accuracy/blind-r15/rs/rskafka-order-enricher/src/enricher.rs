use deadpool_postgres::Pool;
use serde::Deserialize;

#[derive(Deserialize)]
struct OrderCreated {
    order_id: i64,
    postcode: String,
}

#[derive(Deserialize)]
struct GeoLookup {
    region: String,
    lat: f64,
    lng: f64,
}

pub struct Enricher {
    pool: Pool,
    http: reqwest::Client,
    geo_api: String,
}

impl Enricher {
    pub fn new(pool: Pool, http: reqwest::Client, geo_api: String) -> Self {
        Self { pool, http, geo_api }
    }

    pub async fn committed_offset(&self) -> anyhow::Result<Option<i64>> {
        let client = self.pool.get().await?;
        let row = client
            .query_opt("SELECT last_offset FROM consumer_offsets WHERE consumer = 'order-enricher'", &[])
            .await?;
        Ok(row.map(|r| r.get(0)))
    }

    /// Runs once per Kafka record.
    pub async fn handle(&self, offset: i64, payload: &[u8]) -> anyhow::Result<()> {
        let order: OrderCreated = serde_json::from_slice(payload)?;
        let geo: GeoLookup = self
            .http
            .get(format!("{}/postcodes/{}", self.geo_api, order.postcode))
            .send()
            .await?
            .error_for_status()?
            .json()
            .await?;

        let mut client = self.pool.get().await?;
        let tx = client.transaction().await?;
        tx.execute(
            "UPDATE orders SET region = $2, lat = $3, lng = $4 WHERE id = $1",
            &[&order.order_id, &geo.region, &geo.lat, &geo.lng],
        )
        .await?;
        tx.execute(
            "INSERT INTO consumer_offsets (consumer, last_offset) VALUES ('order-enricher', $1) \
             ON CONFLICT (consumer) DO UPDATE SET last_offset = EXCLUDED.last_offset",
            &[&offset],
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}
