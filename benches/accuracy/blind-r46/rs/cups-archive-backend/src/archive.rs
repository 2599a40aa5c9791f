use postgres::{Client, NoTls};
use std::time::Duration;

pub struct Job<'a> {
    pub id: i64,
    pub user: &'a str,
    pub title: &'a str,
    pub copies: i32,
    pub sha256: &'a str,
    pub object_key: &'a str,
}

/// One connection for this job. cupsd may start the backend while the DB is
/// still failing over, so retry a few times before giving up.
pub fn connect(url: &str) -> anyhow::Result<Client> {
    let mut attempt = 0;
    loop {
        match Client::connect(url, NoTls) {
            Ok(client) => break Ok(client),
            Err(e) if attempt < 4 => {
                attempt += 1;
                eprintln!("INFO: archive DB not reachable ({e}), retry {attempt}");
                std::thread::sleep(Duration::from_secs(2 * attempt));
            }
            Err(e) => break Err(e.into()),
        }
    }
}

pub fn record(client: &mut Client, job: &Job) -> anyhow::Result<()> {
    let mut tx = client.transaction()?;
    tx.execute(
        "INSERT INTO printed_documents (cups_job_id, username, title, copies, sha256, object_key, printed_at)
         VALUES ($1, $2, $3, $4, $5, $6, now())",
        &[&job.id, &job.user, &job.title, &job.copies, &job.sha256, &job.object_key],
    )?;
    tx.execute("UPDATE archive_stats SET documents = documents + 1", &[])?;
    tx.commit()?;
    Ok(())
}
