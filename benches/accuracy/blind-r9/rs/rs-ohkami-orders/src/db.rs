use sqlx::postgres::{PgPool, PgPoolOptions};

pub async fn init_pool() -> PgPool {
    let url = std::env::var("DATABASE_URL").expect("DATABASE_URL");
    PgPoolOptions::new()
        .max_connections(10)
        .connect(&url)
        .await
        .expect("orders pool")
}
