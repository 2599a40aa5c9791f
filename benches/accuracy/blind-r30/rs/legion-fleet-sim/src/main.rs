mod systems;

use std::sync::Mutex;
use std::time::{Duration, Instant};

use legion::*;
use r2d2_postgres::postgres::NoTls;
use r2d2_postgres::PostgresConnectionManager;

use crate::systems::*;

fn build_pool(url: &str) -> anyhow::Result<PgPool> {
    let manager = PostgresConnectionManager::new(url.parse()?, NoTls);
    let mut last_err = None;
    for attempt in 1..=8 {
        match r2d2::Pool::builder().max_size(6).build(manager.clone()) {
            Ok(pool) => return Ok(pool),
            Err(e) => {
                eprintln!("postgres not ready (attempt {attempt}): {e}");
                last_err = Some(e);
                std::thread::sleep(Duration::from_secs(2));
            }
        }
    }
    Err(last_err.unwrap().into())
}

fn main() -> anyhow::Result<()> {
    let pool = build_pool(&std::env::var("DATABASE_URL")?)?;
    let redis_client = redis::Client::open(std::env::var("REDIS_URL")?)?;
    let live = LiveFeed(Mutex::new(redis_client.get_connection()?));

    let mut world = World::default();
    {
        let mut conn = pool.get()?;
        for row in conn.query("SELECT id, depot_x, depot_y FROM trucks WHERE active", &[])? {
            world.push((
                Truck { id: row.get(0) },
                Position { x: row.get(1), y: row.get(2) },
                Velocity { dx: 0.0, dy: 0.0 },
            ));
        }
    }

    let mut resources = Resources::default();
    resources.insert(pool);
    resources.insert(live);
    resources.insert(Tick(0));

    let mut schedule = Schedule::builder()
        .add_system(advance_tick_system())
        .add_system(wander_system())
        .add_system(movement_system())
        .flush()
        .add_system(publish_live_system())
        .add_system(persist_positions_system())
        .build();

    let step = Duration::from_millis(100);
    loop {
        let started = Instant::now();
        schedule.execute(&mut world, &mut resources);
        if let Some(rest) = step.checked_sub(started.elapsed()) {
            std::thread::sleep(rest);
        }
    }
}
