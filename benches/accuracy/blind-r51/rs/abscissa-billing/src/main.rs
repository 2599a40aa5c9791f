//! `billing start` runs the invoice daemon under systemd;
//! `billing backfill --month 2024-05` is run by hand by an operator.
mod application;
mod commands;
mod config;
mod invoices;
mod prelude;

use application::APP;

fn main() {
    abscissa_core::boot(&APP);
}
