use postgres::Client;
use serde::Deserialize;

fn escape_tag(v: &str) -> String {
    v.replace(' ', "\\ ").replace(',', "\\,").replace('=', "\\=")
}

/// One read-only transaction per interval on the process's single client.
pub fn job_tables(db: &mut Client) -> Result<Vec<String>, postgres::Error> {
    let mut tx = db.build_transaction().read_only(true).start()?;
    let rows = tx.query(
        "SELECT queue_name, \
                count(*) FILTER (WHERE locked_at IS NULL) AS ready, \
                count(*) FILTER (WHERE locked_at IS NOT NULL) AS running, \
                coalesce(extract(epoch FROM now() - min(run_at) FILTER (WHERE locked_at IS NULL)), 0)::float8 AS oldest_s \
         FROM jobs GROUP BY queue_name",
        &[],
    )?;
    let failed: i64 = tx
        .query_one("SELECT count(*) FROM jobs WHERE attempts >= max_attempts", &[])?
        .get(0);
    tx.commit()?;

    let mut lines: Vec<String> = rows
        .iter()
        .map(|r| {
            let queue: String = r.get(0);
            let ready: i64 = r.get(1);
            let running: i64 = r.get(2);
            let oldest: f64 = r.get(3);
            format!(
                "pg_jobs,queue={} ready={ready}i,running={running}i,oldest_seconds={oldest}",
                escape_tag(&queue)
            )
        })
        .collect();
    lines.push(format!("pg_jobs_failed count={failed}i"));
    Ok(lines)
}

#[derive(Deserialize)]
struct RabbitQueue {
    name: String,
    vhost: String,
    #[serde(default)]
    messages_ready: i64,
    #[serde(default)]
    messages_unacknowledged: i64,
    #[serde(default)]
    consumers: i64,
}

pub fn rabbit_queues(http: &reqwest::blocking::Client, api: &str, user: &str, pass: &str) -> reqwest::Result<Vec<String>> {
    let queues: Vec<RabbitQueue> = http
        .get(format!("{api}/queues"))
        .basic_auth(user, Some(pass))
        .query(&[("columns", "name,vhost,messages_ready,messages_unacknowledged,consumers")])
        .send()?
        .error_for_status()?
        .json()?;
    Ok(queues
        .iter()
        .map(|q| {
            format!(
                "rabbit_queue,queue={},vhost={} ready={}i,unacked={}i,consumers={}i",
                escape_tag(&q.name),
                escape_tag(&q.vhost),
                q.messages_ready,
                q.messages_unacknowledged,
                q.consumers
            )
        })
        .collect())
}
