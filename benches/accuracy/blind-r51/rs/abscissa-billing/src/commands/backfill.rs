use abscissa_core::{Command, Runnable};
use chrono::NaiveDate;
use clap::Parser;
use sqlx::{Connection, PgConnection};

use crate::invoices;
use crate::prelude::*;

#[derive(Command, Debug, Parser)]
pub struct BackfillCmd {
    /// Month to recompute, as YYYY-MM.
    #[arg(long)]
    month: String,

    /// Print the new totals without writing them.
    #[arg(long)]
    dry_run: bool,
}

impl Runnable for BackfillCmd {
    fn run(&self) {
        let first_day = match NaiveDate::parse_from_str(&format!("{}-01", self.month), "%Y-%m-%d") {
            Ok(d) => d,
            Err(err) => {
                status_err!("bad --month {}: {}", self.month, err);
                std::process::exit(2);
            }
        };
        let url = APP.config().database.url.clone();
        let dry_run = self.dry_run;

        let outcome = abscissa_tokio::run(&APP, async move {
            // One operator-run invocation, one connection, closed at the end.
            let mut conn = PgConnection::connect(&url).await?;
            let ids = invoices::ids_for_month(&mut conn, first_day).await?;
            for id in &ids {
                let total = invoices::recompute(&mut conn, *id, dry_run).await?;
                status_info!("Invoice", "{} -> {} cents", id, total);
            }
            conn.close().await?;
            Ok::<usize, sqlx::Error>(ids.len())
        });

        match outcome {
            Ok(Ok(n)) => status_ok!("Done", "{} invoice(s) recomputed", n),
            Ok(Err(err)) => {
                status_err!("backfill failed: {}", err);
                std::process::exit(1);
            }
            Err(err) => {
                status_err!("runtime error: {}", err);
                std::process::exit(1);
            }
        }
    }
}
