mod stock;

use std::collections::HashMap;

use kiss3d::event::{Action, Key, WindowEvent};
use kiss3d::light::Light;
use kiss3d::nalgebra::Translation3;
use kiss3d::scene::SceneNode;
use kiss3d::window::Window;
use postgres::{Client, NoTls};
use redis::Commands;

const REFRESH_EVERY_FRAMES: u64 = 90;

fn main() -> anyhow::Result<()> {
    let redis_url = std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".into());
    let mut pg = Client::connect(&std::env::var("DATABASE_URL")?, NoTls)?;

    let mut window = Window::new("Warehouse floor - live forklifts");
    window.set_light(Light::StickToCamera);

    let mut bays: HashMap<i32, SceneNode> = HashMap::new();
    for bay in stock::load_bays(&mut pg)? {
        let mut cube = window.add_cube(0.9, 0.4, 0.9);
        cube.set_local_translation(Translation3::new(bay.x, 0.2, bay.z));
        cube.set_color(0.3, 0.6, 0.3);
        bays.insert(bay.id, cube);
    }

    let mut forklifts: HashMap<String, SceneNode> = HashMap::new();
    let mut selected_bay: i32 = 1;
    let mut frame: u64 = 0;

    while window.render() {
        frame += 1;

        for event in window.events().iter() {
            if let WindowEvent::Key(key, Action::Press, _) = event.value {
                match key {
                    Key::Right => selected_bay += 1,
                    Key::Left => selected_bay = (selected_bay - 1).max(1),
                    Key::R => {
                        if let Err(e) = stock::reserve_bay(&mut pg, selected_bay, "floor-terminal") {
                            eprintln!("reserve failed: {e}");
                        } else if let Some(cube) = bays.get_mut(&selected_bay) {
                            cube.set_color(0.8, 0.5, 0.1);
                        }
                    }
                    _ => {}
                }
            }
        }

        if frame % REFRESH_EVERY_FRAMES == 0 {
            let client = redis::Client::open(redis_url.as_str())?;
            let mut con = client.get_connection()?;
            let positions: HashMap<String, String> = con.hgetall("forklift:positions")?;
            for (id, pos) in positions {
                let mut parts = pos.split(',').filter_map(|p| p.parse::<f32>().ok());
                let (Some(x), Some(z)) = (parts.next(), parts.next()) else { continue };
                let node = forklifts.entry(id).or_insert_with(|| {
                    let mut s = window.add_sphere(0.25);
                    s.set_color(0.9, 0.9, 0.1);
                    s
                });
                node.set_local_translation(Translation3::new(x, 0.25, z));
            }
        }
    }
    Ok(())
}
