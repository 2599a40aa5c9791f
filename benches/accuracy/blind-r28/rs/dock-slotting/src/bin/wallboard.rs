//! Big screen above the dock doors: one bar per zone, refreshed every 10 s.

use std::time::{Duration, Instant};

use dock_slotting::{database_url, make_pool, zone_fill, ZoneFill};
use minifb::{Key, Window, WindowOptions};

const WIDTH: usize = 1280;
const HEIGHT: usize = 720;
const REFRESH: Duration = Duration::from_secs(10);

fn colour_for(fill: &ZoneFill) -> u32 {
    let ratio = if fill.capacity > 0 { fill.used as f32 / fill.capacity as f32 } else { 1.0 };
    if ratio > 0.9 {
        0x00d0_3030
    } else if ratio > 0.7 {
        0x00e0_a020
    } else {
        0x0030_b050
    }
}

fn render(buffer: &mut [u32], zones: &[ZoneFill]) {
    buffer.iter_mut().for_each(|px| *px = 0x0010_1018);
    if zones.is_empty() {
        return;
    }
    let slot_w = WIDTH / zones.len();
    for (i, zone) in zones.iter().enumerate() {
        let ratio = if zone.capacity > 0 { zone.used as f32 / zone.capacity as f32 } else { 0.0 };
        let bar_h = ((HEIGHT - 40) as f32 * ratio.min(1.0)) as usize;
        let colour = colour_for(zone);
        for y in (HEIGHT - 20 - bar_h)..(HEIGHT - 20) {
            for x in (i * slot_w + 8)..((i + 1) * slot_w - 8) {
                buffer[y * WIDTH + x] = colour;
            }
        }
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let pool = make_pool(&database_url(), 2)?;

    let mut window = Window::new("Dock zones", WIDTH, HEIGHT, WindowOptions::default())?;
    window.set_target_fps(20);

    let mut buffer = vec![0u32; WIDTH * HEIGHT];
    let mut zones = zone_fill(&pool).unwrap_or_default();
    let mut last_refresh = Instant::now();

    while window.is_open() && !window.is_key_down(Key::Escape) {
        if last_refresh.elapsed() >= REFRESH {
            match zone_fill(&pool) {
                Ok(fresh) => zones = fresh,
                Err(err) => eprintln!("zone refresh failed: {}", err),
            }
            last_refresh = Instant::now();
        }
        render(&mut buffer, &zones);
        window.update_with_buffer(&buffer, WIDTH, HEIGHT)?;
    }
    Ok(())
}
