//! Systems run once per tick (5 Hz). They only borrow from `Services`.

use hecs::World;
use redis::Commands;

use crate::services::Services;

pub struct RobotId(pub i32);
pub struct Position {
    pub x: f32,
    pub y: f32,
}
pub struct Velocity {
    pub dx: f32,
    pub dy: f32,
}
pub struct Battery(pub f32);
pub struct Docked;

pub fn movement(world: &mut World, dt: f32) {
    for (_e, (pos, vel, bat)) in world.query_mut::<(&mut Position, &Velocity, &mut Battery)>() {
        pos.x += vel.dx * dt;
        pos.y += vel.dy * dt;
        bat.0 -= 0.002 * (vel.dx.abs() + vel.dy.abs());
    }
}

pub fn send_low_battery_to_dock(world: &mut World) {
    let low: Vec<hecs::Entity> = world
        .query::<(&Battery,)>()
        .without::<&Docked>()
        .iter()
        .filter(|(_, (b,))| b.0 < 15.0)
        .map(|(e, _)| e)
        .collect();
    for e in low {
        let _ = world.insert_one(e, Docked);
        if let Ok(mut vel) = world.get::<&mut Velocity>(e) {
            vel.dx = 0.0;
            vel.dy = 0.0;
        }
    }
}

pub fn publish_positions(world: &World, services: &mut Services) -> redis::RedisResult<()> {
    let mut pipe = redis::pipe();
    for (_e, (id, pos)) in world.query::<(&RobotId, &Position)>().iter() {
        pipe.hset("fleet:positions", id.0, format!("{:.2},{:.2}", pos.x, pos.y)).ignore();
    }
    pipe.query::<()>(&mut services.redis)?;
    let _: () = services.redis.publish("fleet:tick", "positions")?;
    Ok(())
}

pub fn persist_battery(world: &World, services: &Services) -> anyhow::Result<()> {
    let mut conn = services.pg.get()?;
    let mut tx = conn.transaction()?;
    for (_e, (id, bat)) in world.query::<(&RobotId, &Battery)>().iter() {
        tx.execute(
            "INSERT INTO battery_log (robot_id, level, at) VALUES ($1, $2, now())",
            &[&id.0, &(bat.0 as f64)],
        )?;
    }
    tx.commit()?;
    Ok(())
}
