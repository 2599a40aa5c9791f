use getopts::Options;
use shopstats::db;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let mut opts = Options::new();
    opts.optopt("d", "days", "delete abandoned carts older than N days", "N");
    opts.optflag("n", "dry-run", "report what would be deleted");
    opts.optflag("h", "help", "print this help");
    let matches = opts.parse(&args[1..])?;
    if matches.opt_present("h") {
        print!("{}", opts.usage("Usage: shopstats-prune [options]"));
        return Ok(());
    }
    let days: i32 = matches.opt_get_default("d", 90)?;
    let dry_run = matches.opt_present("n");

    let mut client = db::connect_with_retry(3)?;
    let mut tx = client.transaction()?;
    let deleted = tx.execute(
        "DELETE FROM carts WHERE status = 'abandoned' AND updated_at < now() - make_interval(days => $1)",
        &[&days],
    )?;
    if dry_run {
        tx.rollback()?;
        println!("would delete {deleted} abandoned carts older than {days} days");
    } else {
        tx.commit()?;
        println!("deleted {deleted} abandoned carts older than {days} days");
    }
    client.close()?;
    Ok(())
}
