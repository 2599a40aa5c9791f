use sqlx::PgPool;

pub struct ShipmentStore {
    pool: PgPool,
}

impl ShipmentStore {
    pub async fn connect() -> Result<Self, sqlx::Error> {
        let url = std::env::var("BACKOFFICE_DATABASE_URL").expect("BACKOFFICE_DATABASE_URL");
        let pool = PgPool::connect(&url).await?;
        Ok(Self { pool })
    }

    pub async fn request_label(&self, order_id: &str) -> Result<(), sqlx::Error> {
        sqlx::query(
            "INSERT INTO shipment_requests (order_id, state, requested_at) \
             VALUES ($1, 'pending', now()) ON CONFLICT (order_id) DO NOTHING",
        )
        .bind(order_id)
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}
