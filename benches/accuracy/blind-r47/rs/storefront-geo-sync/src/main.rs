mod entity;

use std::time::Duration;

use aws_config::BehaviorVersion;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectOptions, Database, DatabaseConnection, EntityTrait, QueryFilter, Set};
use serde::Deserialize;

use entity::store;

const FEED_BUCKET: &str = "partner-feeds-prod";
const FEED_KEY: &str = "storefronts/latest.csv";

#[derive(Deserialize)]
struct FeedRow {
    partner_ref: String,
    name: String,
    address: String,
}

async fn fetch_feed() -> anyhow::Result<Vec<FeedRow>> {
    let conf = aws_config::load_defaults(BehaviorVersion::latest()).await;
    let s3 = aws_sdk_s3::Client::new(&conf);
    let object = s3.get_object().bucket(FEED_BUCKET).key(FEED_KEY).send().await?;
    let bytes = object.body.collect().await?.into_bytes();
    let mut reader = csv::Reader::from_reader(bytes.as_ref());
    Ok(reader.deserialize().collect::<Result<Vec<FeedRow>, _>>()?)
}

async fn sync_once(db: &DatabaseConnection) -> anyhow::Result<usize> {
    let rows = fetch_feed().await?;
    let mut changed = 0;
    for row in rows {
        let existing = store::Entity::find()
            .filter(store::Column::PartnerRef.eq(row.partner_ref.as_str()))
            .one(db)
            .await?;
        match existing {
            Some(current) if current.address == row.address && current.name == row.name => {}
            Some(current) => {
                let mut active: store::ActiveModel = current.into();
                active.name = Set(row.name);
                active.address = Set(row.address);
                active.update(db).await?;
                changed += 1;
            }
            None => {
                store::ActiveModel {
                    partner_ref: Set(row.partner_ref),
                    name: Set(row.name),
                    address: Set(row.address),
                    ..Default::default()
                }
                .insert(db)
                .await?;
                changed += 1;
            }
        }
    }
    Ok(changed)
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let mut opts = ConnectOptions::new(std::env::var("DATABASE_URL")?);
    opts.max_connections(8).connect_timeout(Duration::from_secs(5));
    let db = Database::connect(opts).await?;

    let mut ticker = tokio::time::interval(Duration::from_secs(15 * 60));
    loop {
        ticker.tick().await;
        match sync_once(&db).await {
            Ok(n) => tracing::info!(changed = n, "storefront sync finished"),
            Err(e) => tracing::error!("storefront sync failed: {e:#}"),
        }
    }
}
