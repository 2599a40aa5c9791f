use diesel::pg::PgConnection;
use diesel::sql_types::Text;
use diesel::{sql_query, QueryResult, RunQueryDsl};

/// One row per dropped SYN, used by the weekly abuse report.
pub fn record_block(conn: &mut PgConnection, src: &str) -> QueryResult<usize> {
    sql_query(
        "INSERT INTO blocked_connections (src_ip, dropped_at) \
         VALUES ($1::inet, now())",
    )
    .bind::<Text, _>(src)
    .execute(conn)
}
