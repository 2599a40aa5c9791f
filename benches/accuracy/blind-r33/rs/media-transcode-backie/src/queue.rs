//! Pool used by backie to store and fetch tasks.

use diesel_async::pg::AsyncPgConnection;
use diesel_async::pooled_connection::{bb8::Pool, AsyncDieselConnectionManager};

pub async fn task_pool() -> anyhow::Result<Pool<AsyncPgConnection>> {
    let url = std::env::var("DATABASE_URL")?;
    let pool = Pool::builder()
        .max_size(4)
        .min_idle(Some(1))
        .build(AsyncDieselConnectionManager::<AsyncPgConnection>::new(url))
        .await?;
    Ok(pool)
}
