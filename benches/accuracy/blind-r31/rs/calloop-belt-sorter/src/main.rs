mod audit;
mod db;

use std::collections::HashMap;
use std::io::BufRead;
use std::time::Duration;

use calloop::channel::{self, Event};
use calloop::timer::{TimeoutAction, Timer};
use calloop::EventLoop;
use redis::Commands;

const REJECT_CHUTE: i32 = 99;

struct Scan {
    barcode: String,
}

struct Controller {
    pool: db::PgPool,
    redis_url: String,
    counts: HashMap<i32, u64>,
}

impl Controller {
    fn route_for(&self, barcode: &str) -> anyhow::Result<i32> {
        let mut conn = self.pool.get()?;
        let row = conn.query_opt(
            "SELECT chute FROM routing WHERE postcode_prefix = left($1, 3)",
            &[&barcode],
        )?;
        Ok(row.map(|r| r.get(0)).unwrap_or(REJECT_CHUTE))
    }

    fn on_scan(&mut self, scan: Scan) {
        let chute = self.route_for(&scan.barcode).unwrap_or_else(|e| {
            log::error!("routing lookup failed: {e}");
            REJECT_CHUTE
        });
        *self.counts.entry(chute).or_default() += 1;
        audit::log_divert(&scan.barcode, chute);
        println!("DIVERT {} {}", scan.barcode, chute);
    }

    fn publish_stats(&mut self) -> redis::RedisResult<()> {
        let mut con = redis::Client::open(self.redis_url.as_str())?.get_connection()?;
        for (chute, n) in &self.counts {
            let _: () = con.hset("sorter:belt7:counts", chute, *n)?;
        }
        let _: () = con.expire("sorter:belt7:counts", 60)?;
        Ok(())
    }
}

fn main() -> anyhow::Result<()> {
    env_logger::init();

    let mut controller = Controller {
        pool: db::build_pool()?,
        redis_url: std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".into()),
        counts: HashMap::new(),
    };

    let mut event_loop: EventLoop<Controller> = EventLoop::try_new()?;
    let handle = event_loop.handle();

    // Belt statistics for the wallboard, every 5 s.
    handle
        .insert_source(
            Timer::from_duration(Duration::from_secs(5)),
            |_deadline, _: &mut (), ctl: &mut Controller| {
                if let Err(e) = ctl.publish_stats() {
                    log::warn!("stats publish failed: {e}");
                }
                TimeoutAction::ToDuration(Duration::from_secs(5))
            },
        )
        .map_err(|e| e.error)?;

    // Barcode scanner is a keyboard-wedge device piped into stdin.
    let (tx, rx) = channel::channel::<Scan>();
    std::thread::spawn(move || {
        for line in std::io::stdin().lock().lines().map_while(Result::ok) {
            let barcode = line.trim().to_string();
            if !barcode.is_empty() && tx.send(Scan { barcode }).is_err() {
                break;
            }
        }
    });
    handle
        .insert_source(rx, |event, _: &mut (), ctl: &mut Controller| {
            if let Event::Msg(scan) = event {
                ctl.on_scan(scan);
            }
        })
        .map_err(|e| e.error)?;

    event_loop.run(None, &mut controller, |_| {})?;
    Ok(())
}
