use std::path::PathBuf;

use door_access::db;
use sea_orm::{ConnectionTrait, DbBackend, Statement};
use structopt::StructOpt;

/// Monthly export of door events for the facilities audit. Run by hand.
#[derive(StructOpt)]
#[structopt(name = "access-export")]
struct Opt {
    /// Month to export, e.g. 2024-05
    #[structopt(long)]
    month: String,

    /// Output CSV file
    #[structopt(long, parse(from_os_str))]
    out: PathBuf,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    env_logger::init();
    let opt = Opt::from_args();

    let conn = db::connect().await?;
    let rows = conn
        .query_all(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT door, card_uid, allowed, to_char(at, 'YYYY-MM-DD\"T\"HH24:MI:SS') AS at
             FROM door_events WHERE to_char(at, 'YYYY-MM') = $1 ORDER BY at",
            [opt.month.clone().into()],
        ))
        .await?;

    let mut out = csv::Writer::from_path(&opt.out)?;
    out.write_record(["door", "card_uid", "allowed", "at"])?;
    for row in &rows {
        out.write_record([
            row.try_get::<String>("", "door")?,
            row.try_get::<String>("", "card_uid")?,
            row.try_get::<bool>("", "allowed")?.to_string(),
            row.try_get::<String>("", "at")?,
        ])?;
    }
    out.flush()?;
    println!("wrote {} events to {}", rows.len(), opt.out.display());

    conn.close().await?;
    Ok(())
}
