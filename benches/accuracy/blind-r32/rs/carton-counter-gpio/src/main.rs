mod alerts;
mod shift_report;
mod store;

use std::time::Duration;

use futures::StreamExt;
use gpio_cdev::{AsyncLineEventHandle, Chip, EventRequestFlags, LineRequestFlags};

use crate::shift_report::ShiftReport;

const STOPPAGE: Duration = Duration::from_secs(90);

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let db_url = std::env::var("MES_DATABASE_URL")?;
    let line_id: u32 = std::env::var("LINE_ID").unwrap_or_else(|_| "3".into()).parse()?;

    let pool = store::connect(&db_url);
    let report = ShiftReport::new(&db_url, line_id)?;

    let mut chip = Chip::new("/dev/gpiochip0")?;
    let eye = chip.get_line(17)?;
    let mut events = AsyncLineEventHandle::new(eye.events(
        LineRequestFlags::INPUT,
        EventRequestFlags::RISING_EDGE,
        "carton-counter",
    )?)?;

    let mut last_ns: Option<u64> = None;
    let mut flush_tick = tokio::time::interval(Duration::from_secs(60));
    let mut pending: u32 = 0;

    loop {
        tokio::select! {
            Some(event) = events.next() => {
                let event = event?;
                let ts = event.timestamp();
                if let Some(prev) = last_ns {
                    let gap = Duration::from_nanos(ts.saturating_sub(prev));
                    if gap > STOPPAGE {
                        store::record_stoppage(&pool, line_id, gap).await?;
                        alerts::line_restarted(line_id, gap).await;
                    }
                }
                last_ns = Some(ts);
                pending += 1;
            }
            _ = flush_tick.tick() => {
                if pending > 0 {
                    store::add_count(&pool, line_id, pending).await?;
                    report.bump(pending).await?;
                    pending = 0;
                }
            }
        }
    }
}
