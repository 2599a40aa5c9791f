//! Show-report database (Postgres on the production office server).

use postgres::{Client, NoTls};

use crate::cues::Cue;

pub fn connect() -> Result<Client, postgres::Error> {
    let url = std::env::var("SHOW_DB_URL")
        .unwrap_or_else(|_| "host=prod-office.local user=stage dbname=showlog".into());
    Client::connect(&url, NoTls)
}

pub fn open_performance(db: &mut Client, production: &str) -> Result<i64, postgres::Error> {
    let row = db.query_one(
        "INSERT INTO performances (production, started_at)
         VALUES ($1, now())
         RETURNING id",
        &[&production],
    )?;
    Ok(row.get(0))
}

pub fn log_cue(
    db: &mut Client,
    performance_id: i64,
    cue: &Cue,
    stamp_us: u64,
) -> Result<(), postgres::Error> {
    db.execute(
        "INSERT INTO cue_log (performance_id, cue_list, cue_number, command, midi_stamp_us, fired_at)
         VALUES ($1, $2, $3, $4, $5, now())",
        &[
            &performance_id,
            &cue.list,
            &cue.number,
            &cue.command.as_str(),
            &(stamp_us as i64),
        ],
    )?;
    Ok(())
}
