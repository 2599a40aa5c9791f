//! Subscriber data buckets: settle what was used and reserve the next chunk,
//! in one transaction per CCR.
use sqlx::PgPool;

pub struct Outcome {
    pub granted: u64,
    pub remaining: i64,
    pub crossed_threshold: bool,
}

pub async fn settle_and_reserve(
    pool: &PgPool,
    msisdn: &str,
    session: &str,
    used: u64,
    want_more: bool,
    chunk: u64,
) -> sqlx::Result<Outcome> {
    let mut tx = pool.begin().await?;
    let row: Option<(i64, i64)> = sqlx::query_as(
        "SELECT remaining_octets, reserved_octets FROM data_bucket WHERE msisdn = $1 FOR UPDATE",
    )
    .bind(msisdn)
    .fetch_optional(&mut *tx)
    .await?;
    let Some((remaining, reserved)) = row else {
        return Ok(Outcome { granted: 0, remaining: 0, crossed_threshold: false });
    };

    let after_use = remaining - used as i64;
    let grant = if want_more { (chunk as i64).min(after_use.max(0)) } else { 0 };
    sqlx::query(
        "UPDATE data_bucket SET remaining_octets = $2, reserved_octets = $3, last_session = $4
         WHERE msisdn = $1",
    )
    .bind(msisdn)
    .bind(after_use)
    .bind((reserved - used as i64).max(0) + grant)
    .bind(session)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;

    const THRESHOLD: i64 = 50 * 1024 * 1024;
    Ok(Outcome {
        granted: grant as u64,
        remaining: after_use,
        crossed_threshold: remaining >= THRESHOLD && after_use < THRESHOLD,
    })
}
