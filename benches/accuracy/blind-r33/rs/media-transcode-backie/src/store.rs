//! Media catalogue access used by the tasks.

use diesel::prelude::*;
use diesel_async::pg::AsyncPgConnection;
use diesel_async::pooled_connection::{bb8::Pool, AsyncDieselConnectionManager};
use diesel_async::RunQueryDsl;
use uuid::Uuid;

diesel::table! {
    media (id) {
        id -> Uuid,
        object_key -> Text,
        status -> Text,
    }
}

diesel::table! {
    renditions (id) {
        id -> Uuid,
        media_id -> Uuid,
        width -> Int4,
        object_key -> Text,
    }
}

pub type DbPool = Pool<AsyncPgConnection>;

pub async fn app_pool() -> anyhow::Result<DbPool> {
    let url = std::env::var("DATABASE_URL")?;
    let pool = Pool::builder()
        .max_size(10)
        .build(AsyncDieselConnectionManager::<AsyncPgConnection>::new(url))
        .await?;
    Ok(pool)
}

pub async fn object_key(pool: &DbPool, media_id: Uuid) -> anyhow::Result<String> {
    let mut conn = pool.get().await?;
    let key = media::table
        .filter(media::id.eq(media_id))
        .select(media::object_key)
        .first::<String>(&mut conn)
        .await?;
    Ok(key)
}

pub async fn add_rendition(pool: &DbPool, media_id: Uuid, width: i32, key: &str) -> anyhow::Result<()> {
    let mut conn = pool.get().await?;
    diesel::insert_into(renditions::table)
        .values((
            renditions::id.eq(Uuid::new_v4()),
            renditions::media_id.eq(media_id),
            renditions::width.eq(width),
            renditions::object_key.eq(key),
        ))
        .execute(&mut conn)
        .await?;
    Ok(())
}

pub async fn mark(pool: &DbPool, media_id: Uuid, status: &str) -> anyhow::Result<()> {
    let mut conn = pool.get().await?;
    diesel::update(media::table.filter(media::id.eq(media_id)))
        .set(media::status.eq(status))
        .execute(&mut conn)
        .await?;
    Ok(())
}
