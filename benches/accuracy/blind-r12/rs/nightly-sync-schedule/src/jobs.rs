use std::sync::Arc;

use aws_sdk_s3::primitives::ByteStream;
use chrono::{Duration, NaiveTime, Utc};
use futures::TryStreamExt;
use mongodb::bson::{doc, DateTime, Document};

pub struct JobCtx {
    pub mongo: mongodb::Client,
    pub s3: aws_sdk_s3::Client,
    pub export_bucket: String,
}

/// Dumps yesterday's orders as NDJSON into the data-lake bucket.
pub async fn export_yesterday(ctx: Arc<JobCtx>) -> anyhow::Result<()> {
    let day = Utc::now().date_naive() - Duration::days(1);
    let start = day.and_time(NaiveTime::MIN).and_utc();
    let end = start + Duration::days(1);

    let orders = ctx.mongo.database("shop").collection::<Document>("orders");
    let mut cursor = orders
        .find(doc! {
            "created_at": {
                "$gte": DateTime::from_millis(start.timestamp_millis()),
                "$lt": DateTime::from_millis(end.timestamp_millis()),
            }
        })
        .await?;

    let mut body = Vec::with_capacity(1 << 20);
    let mut count = 0usize;
    while let Some(order) = cursor.try_next().await? {
        serde_json::to_writer(&mut body, &order)?;
        body.push(b'\n');
        count += 1;
    }

    ctx.s3
        .put_object()
        .bucket(&ctx.export_bucket)
        .key(format!("orders/dt={day}/orders.ndjson"))
        .content_type("application/x-ndjson")
        .body(ByteStream::from(body))
        .send()
        .await?;

    tracing::info!(%day, count, "exported orders");
    Ok(())
}

/// Releases stock held by carts that were abandoned for more than 30 minutes.
pub async fn release_abandoned_holds(ctx: Arc<JobCtx>) -> anyhow::Result<()> {
    let db = ctx.mongo.database("shop");
    let holds = db.collection::<Document>("stock_holds");
    let carts = db.collection::<Document>("carts");
    let cutoff = DateTime::from_millis((Utc::now() - Duration::minutes(30)).timestamp_millis());

    let mut session = ctx.mongo.start_session().await?;
    session.start_transaction().await?;

    let result = async {
        let released = holds
            .delete_many(doc! { "expires_at": { "$lt": cutoff } })
            .session(&mut session)
            .await?;
        carts
            .update_many(
                doc! { "status": "open", "updated_at": { "$lt": cutoff } },
                doc! { "$set": { "status": "abandoned" } },
            )
            .session(&mut session)
            .await?;
        Ok::<u64, mongodb::error::Error>(released.deleted_count)
    }
    .await;

    match result {
        Ok(released) => {
            session.commit_transaction().await?;
            tracing::info!(released, "released abandoned stock holds");
            Ok(())
        }
        Err(e) => {
            session.abort_transaction().await?;
            Err(e.into())
        }
    }
}
