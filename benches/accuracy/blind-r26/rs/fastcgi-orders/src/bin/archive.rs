//! One-off maintenance command, run by hand or from a monthly systemd timer:
//!   archive-orders --days 180 --dry-run
use gumdrop::Options;
use orders_fcgi::make_pool;

#[derive(Debug, Options)]
struct Opts {
    #[options(help = "print help message")]
    help: bool,
    #[options(help = "archive orders older than this many days", default = "365")]
    days: i32,
    #[options(help = "only count, do not move rows")]
    dry_run: bool,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let opts = Opts::parse_args_default_or_exit();
    let pool = make_pool(1)?;
    let mut conn = pool.get()?;

    let cutoff = format!("{} days", opts.days);
    let count: i64 = conn
        .query_one("SELECT count(*) FROM orders WHERE created_at < now() - $1::interval", &[&cutoff])?
        .get(0);
    println!("{count} orders older than {} days", opts.days);
    if opts.dry_run {
        return Ok(());
    }

    let mut tx = conn.transaction()?;
    tx.execute(
        "INSERT INTO orders_archive SELECT * FROM orders WHERE created_at < now() - $1::interval",
        &[&cutoff],
    )?;
    let moved = tx.execute("DELETE FROM orders WHERE created_at < now() - $1::interval", &[&cutoff])?;
    tx.commit()?;
    println!("archived {moved} orders");
    Ok(())
}
