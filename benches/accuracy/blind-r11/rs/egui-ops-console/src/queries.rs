pub struct StuckJob {
    pub id: i64,
    pub queue: String,
    pub age_minutes: i64,
}

pub fn stuck_jobs(client: &mut postgres::Client, older_than_minutes: i32) -> Result<Vec<StuckJob>, postgres::Error> {
    let rows = client.query(
        "SELECT id, queue, (EXTRACT(EPOCH FROM now() - locked_at) / 60)::bigint AS age \
         FROM jobs WHERE state = 'running' AND locked_at < now() - make_interval(mins => $1) \
         ORDER BY locked_at LIMIT 200",
        &[&older_than_minutes],
    )?;
    Ok(rows
        .iter()
        .map(|r| StuckJob {
            id: r.get(0),
            queue: r.get(1),
            age_minutes: r.get(2),
        })
        .collect())
}
