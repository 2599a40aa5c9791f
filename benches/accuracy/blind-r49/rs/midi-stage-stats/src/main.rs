use std::env;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

use anyhow::{anyhow, Result};
use midir::{Ignore, MidiInput};
use r2d2_postgres::postgres::NoTls;
use r2d2_postgres::PostgresConnectionManager;
use redis::Commands;

type PgPool = r2d2::Pool<PostgresConnectionManager<NoTls>>;

#[derive(Default)]
struct Counters {
    notes: u64,
    program_changes: u64,
}

fn publish_program_change(channel: u8, program: u8) -> redis::RedisResult<()> {
    let client = redis::Client::open(env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".into()))?;
    let mut con = client.get_connection()?;
    con.publish::<_, _, ()>("stage:program", format!("{channel}:{program}"))?;
    con.set::<_, _, ()>(format!("stage:ch{channel}:program"), program)?;
    Ok(())
}

fn spawn_flusher(pool: PgPool, counters: Arc<Mutex<Counters>>) {
    thread::spawn(move || {
        let mut conn = pool.get().expect("postgres connection");
        loop {
            thread::sleep(Duration::from_secs(10));
            let (notes, pcs) = {
                let mut c = counters.lock().unwrap();
                let snapshot = (c.notes, c.program_changes);
                *c = Counters::default();
                snapshot
            };
            if let Err(e) = conn.execute(
                "INSERT INTO midi_stats (notes, program_changes, bucket) VALUES ($1, $2, now())",
                &[&(notes as i64), &(pcs as i64)],
            ) {
                eprintln!("flush failed: {e}");
            }
        }
    });
}

fn main() -> Result<()> {
    let manager = PostgresConnectionManager::new(env::var("DATABASE_URL")?.parse()?, NoTls);
    let pool: PgPool = r2d2::Pool::builder().max_size(4).build(manager)?;
    let counters = Arc::new(Mutex::new(Counters::default()));
    spawn_flusher(pool.clone(), counters.clone());

    let mut input = MidiInput::new("stage-stats")?;
    input.ignore(Ignore::SysexAndTime);
    let ports = input.ports();
    let port = ports
        .iter()
        .find(|p| input.port_name(p).map(|n| n.contains("FOH")).unwrap_or(false))
        .ok_or_else(|| anyhow!("no FOH MIDI port found"))?
        .clone();

    let cb_counters = counters.clone();
    let _conn = input
        .connect(
            &port,
            "stage-stats-in",
            move |_stamp, message, _| {
                if message.is_empty() {
                    return;
                }
                let status = message[0] & 0xF0;
                let channel = message[0] & 0x0F;
                match status {
                    0x90 if message.get(2).copied().unwrap_or(0) > 0 => {
                        cb_counters.lock().unwrap().notes += 1;
                    }
                    0xC0 => {
                        cb_counters.lock().unwrap().program_changes += 1;
                        if let Some(&program) = message.get(1) {
                            if let Err(e) = publish_program_change(channel, program) {
                                eprintln!("redis: {e}");
                            }
                        }
                    }
                    _ => {}
                }
            },
            (),
        )
        .map_err(|e| anyhow!("connect: {e}"))?;

    println!("listening; ctrl-c to stop");
    loop {
        thread::sleep(Duration::from_secs(60));
    }
}
