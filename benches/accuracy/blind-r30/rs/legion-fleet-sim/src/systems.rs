use std::sync::Mutex;

use legion::world::SubWorld;
use legion::*;
use r2d2_postgres::postgres::NoTls;
use r2d2_postgres::PostgresConnectionManager;
use rand::Rng;

pub type PgPool = r2d2::Pool<PostgresConnectionManager<NoTls>>;

/// One redis connection for the whole simulation, shared through Resources.
pub struct LiveFeed(pub Mutex<redis::Connection>);

pub struct Tick(pub u64);

#[derive(Clone, Copy, Debug)]
pub struct Truck {
    pub id: i32,
}

#[derive(Clone, Copy, Debug)]
pub struct Position {
    pub x: f64,
    pub y: f64,
}

#[derive(Clone, Copy, Debug)]
pub struct Velocity {
    pub dx: f64,
    pub dy: f64,
}

#[system]
pub fn advance_tick(#[resource] tick: &mut Tick) {
    tick.0 += 1;
}

#[system(for_each)]
pub fn wander(vel: &mut Velocity) {
    let mut rng = rand::thread_rng();
    vel.dx = (vel.dx + rng.gen_range(-0.05..0.05)).clamp(-1.0, 1.0);
    vel.dy = (vel.dy + rng.gen_range(-0.05..0.05)).clamp(-1.0, 1.0);
}

#[system(for_each)]
pub fn movement(pos: &mut Position, vel: &Velocity) {
    pos.x += vel.dx * 0.1;
    pos.y += vel.dy * 0.1;
}

// Runs every tick (10 Hz): pushes positions to the live map.
#[system]
#[read_component(Truck)]
#[read_component(Position)]
pub fn publish_live(world: &SubWorld, #[resource] live: &LiveFeed) {
    let mut query = <(&Truck, &Position)>::query();
    let Ok(mut con) = live.0.lock() else { return };
    let mut pipe = redis::pipe();
    for (truck, pos) in query.iter(world) {
        pipe.hset("fleet:live", truck.id, format!("{:.3},{:.3}", pos.x, pos.y)).ignore();
    }
    let _: redis::RedisResult<()> = pipe.query(&mut *con);
}

// Runs every tick, but only writes a snapshot every 50 ticks (5 s).
#[system]
#[read_component(Truck)]
#[read_component(Position)]
pub fn persist_positions(world: &SubWorld, #[resource] pool: &PgPool, #[resource] tick: &Tick) {
    if tick.0 % 50 != 0 {
        return;
    }
    let mut conn = match pool.get() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("snapshot skipped: {e}");
            return;
        }
    };
    let mut query = <(&Truck, &Position)>::query();
    let Ok(mut tx) = conn.transaction() else { return };
    for (truck, pos) in query.iter(world) {
        if tx
            .execute(
                "INSERT INTO truck_positions (truck_id, x, y, tick) VALUES ($1, $2, $3, $4)",
                &[&truck.id, &pos.x, &pos.y, &(tick.0 as i64)],
            )
            .is_err()
        {
            return; // tx dropped here -> rolled back, connection back to the pool
        }
    }
    let _ = tx.commit();
}
