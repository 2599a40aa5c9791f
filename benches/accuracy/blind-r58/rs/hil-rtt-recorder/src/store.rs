//! Fleet database access for the rig.

use postgres::{Client, NoTls};

use crate::protocol::CaseResult;

const DEFAULT_URL: &str = "postgres://hil_rig@fleet-db.lab.internal/hil";

/// Opens a connection to the fleet database.
pub fn open() -> Result<Client, postgres::Error> {
    let url = std::env::var("HIL_DATABASE_URL").unwrap_or_else(|_| DEFAULT_URL.to_string());
    Client::connect(&url, NoTls)
}

pub fn start_run(db: &mut Client, board: &str, firmware: &str) -> Result<i64, postgres::Error> {
    let row = db.query_one(
        "INSERT INTO hil_runs (board_id, firmware, started_at) VALUES ($1, $2, now()) RETURNING id",
        &[&board, &firmware],
    )?;
    Ok(row.get(0))
}

pub fn record_case(db: &mut Client, run: i64, case: &CaseResult) -> Result<(), postgres::Error> {
    db.execute(
        "INSERT INTO hil_cases (run_id, suite, name, passed, duration_ms, detail) \
         VALUES ($1, $2, $3, $4, $5, $6)",
        &[
            &run,
            &case.suite,
            &case.name,
            &case.passed,
            &(case.duration_ms as i32),
            &case.detail,
        ],
    )?;
    Ok(())
}

pub fn finish_run(db: &mut Client, run: i64, passed: u32, failed: u32) -> Result<(), postgres::Error> {
    db.execute(
        "UPDATE hil_runs SET finished_at = now(), passed = $2, failed = $3 WHERE id = $1",
        &[&run, &(passed as i32), &(failed as i32)],
    )?;
    Ok(())
}
