use sqlx::postgres::PgPool;

/// Metric catalog: maps public metric names to ClickHouse tables.
#[derive(Clone)]
pub struct Catalog {
    pool: PgPool,
}

pub struct MetricDef {
    pub table: String,
    pub unit: String,
}

impl Catalog {
    pub async fn connect() -> Result<Self, sqlx::Error> {
        let url = std::env::var("DATABASE_URL").expect("DATABASE_URL must be set");
        let pool = PgPool::connect(&url).await?;
        Ok(Self { pool })
    }

    pub async fn lookup(&self, metric: &str) -> Result<Option<MetricDef>, sqlx::Error> {
        let row: Option<(String, String)> =
            sqlx::query_as("SELECT ch_table, unit FROM metric_catalog WHERE name = $1 AND enabled")
                .bind(metric)
                .fetch_optional(&self.pool)
                .await?;
        Ok(row.map(|(table, unit)| MetricDef { table, unit }))
    }
}
