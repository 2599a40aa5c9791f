use std::collections::HashMap;

use sqlx::PgConnection;

pub struct CueSheet {
    pub labels: HashMap<String, String>,
}

impl CueSheet {
    pub async fn load(conn: &mut PgConnection, production: &str) -> sqlx::Result<Self> {
        let rows: Vec<(String, String)> = sqlx::query_as(
            "SELECT cue_number, label FROM cue_sheet WHERE production = $1 ORDER BY cue_number",
        )
        .bind(production)
        .fetch_all(conn)
        .await?;
        Ok(Self { labels: rows.into_iter().collect() })
    }
}
