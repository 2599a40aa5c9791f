mod sink;

use std::time::Duration;

use serde::{Deserialize, Serialize};
use timely::dataflow::operators::{Exchange, Input, Inspect, Probe};
use timely::dataflow::{InputHandle, ProbeHandle};

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Reading {
    pub meter_id: u64,
    pub bucket: i64,
    pub wh: i64,
}

fn main() -> anyhow::Result<()> {
    let db_url = std::env::var("DATABASE_URL")?;
    let grid_api = std::env::var("GRID_API_URL")?;

    // Shared by every worker thread in this process.
    let pool = sink::make_pool(&db_url)?;
    let agent = ureq::AgentBuilder::new()
        .timeout(Duration::from_secs(10))
        .build();

    timely::execute_from_args(std::env::args(), move |worker| {
        let index = worker.index();
        let peers = worker.peers();
        let mut input: InputHandle<u64, Reading> = InputHandle::new();
        let mut probe = ProbeHandle::new();

        let pool = pool.clone();
        let agent = agent.clone();
        let grid_api = grid_api.clone();
        worker.dataflow(|scope| {
            scope
                .input_from(&mut input)
                .exchange(|r: &Reading| r.meter_id)
                .inspect_batch(move |epoch, batch| {
                    if let Err(e) = sink::write_batch(&pool, *epoch, batch) {
                        eprintln!("worker {index}: write failed for epoch {epoch}: {e}");
                        return;
                    }
                    sink::notify_grid(&agent, &grid_api, *epoch, batch.len());
                })
                .probe_with(&mut probe);
        });

        // Each worker tails its own spool partition.
        let spool = format!("/var/spool/meters/part-{}-of-{}.ndjson", index, peers);
        let mut epoch = 0u64;
        let mut offset = 0usize;
        loop {
            let text = std::fs::read_to_string(&spool).unwrap_or_default();
            for line in text.lines().skip(offset) {
                offset += 1;
                if let Ok(r) = serde_json::from_str::<Reading>(line) {
                    input.send(r);
                }
            }
            epoch += 1;
            input.advance_to(epoch);
            while probe.less_than(input.time()) {
                worker.step();
            }
            std::thread::sleep(Duration::from_secs(15));
        }
    })
    .map_err(|e| anyhow::anyhow!("timely: {e}"))?;
    Ok(())
}
