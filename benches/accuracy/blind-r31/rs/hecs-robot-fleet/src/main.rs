mod services;
mod systems;

use std::time::{Duration, Instant};

use hecs::World;
use systems::{Battery, Position, RobotId, Velocity};

const TICK: Duration = Duration::from_millis(200);

fn spawn_fleet(world: &mut World, services: &services::Services) -> anyhow::Result<()> {
    let mut conn = services.pg.get()?;
    for row in conn.query("SELECT id, x, y, battery FROM robots WHERE active", &[])? {
        let battery: f64 = row.get(3);
        world.spawn((
            RobotId(row.get(0)),
            Position { x: row.get::<_, f64>(1) as f32, y: row.get::<_, f64>(2) as f32 },
            Velocity { dx: 0.5, dy: 0.0 },
            Battery(battery as f32),
        ));
    }
    Ok(())
}

fn main() -> anyhow::Result<()> {
    env_logger::init();
    let mut services = services::Services::connect()?;
    let mut world = World::new();
    spawn_fleet(&mut world, &services)?;

    let mut tick: u64 = 0;
    loop {
        let started = Instant::now();
        systems::movement(&mut world, TICK.as_secs_f32());
        systems::send_low_battery_to_dock(&mut world);
        if let Err(e) = systems::publish_positions(&world, &mut services) {
            log::warn!("position publish failed: {e}");
        }
        if tick % 50 == 0 {
            if let Err(e) = systems::persist_battery(&world, &services) {
                log::warn!("battery persist failed: {e:#}");
            }
        }
        tick += 1;
        if let Some(rest) = TICK.checked_sub(started.elapsed()) {
            std::thread::sleep(rest);
        }
    }
}
