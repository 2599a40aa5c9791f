//! One-off schema migration, run as a Kubernetes Job before each deploy.

use postgres::{Client, NoTls};

fn main() -> Result<(), postgres::Error> {
    let url = thumbjobs::database_url();
    let mut client = Client::connect(&url, NoTls)?;
    client.batch_execute(
        "CREATE TABLE IF NOT EXISTS jobs (
             id           BIGSERIAL PRIMARY KEY,
             source_url   TEXT NOT NULL,
             callback_url TEXT,
             state        TEXT NOT NULL DEFAULT 'queued',
             thumb_url    TEXT,
             created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
         );
         CREATE INDEX IF NOT EXISTS jobs_state_idx ON jobs (state);",
    )?;
    println!("migrations applied");
    client.close()
}
