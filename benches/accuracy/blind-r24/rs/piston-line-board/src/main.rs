//! Shop-floor output board. Runs full screen on a TV next to each assembly
//! hall: units per line this shift (Postgres) and active andon calls (Redis).

use std::error::Error;

use piston_window::*;

mod board;
mod db;

use board::Board;

const REFRESH_SECS: f64 = 5.0;

fn main() -> Result<(), Box<dyn Error>> {
    env_logger::init();

    // Both connections are opened once, before the render loop starts.
    let mut pg = db::connect_with_retry(10)?;
    log::info!("connected to {}", db::server_banner(&mut pg));
    let redis_url = std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://andon-redis/".into());
    let mut andon = redis::Client::open(redis_url)?.get_connection()?;

    let hall = std::env::var("HALL").unwrap_or_else(|_| "A".into());
    let mut window: PistonWindow = WindowSettings::new(format!("Hall {hall} output"), [1920, 1080])
        .fullscreen(true)
        .exit_on_esc(true)
        .build()?;
    window.set_ups(10);
    let mut glyphs = window.load_font("assets/RobotoMono-Bold.ttf")?;

    let mut board = Board::new(&hall);
    board.refresh(&mut pg, &mut andon);
    let mut since_refresh = 0.0;

    while let Some(e) = window.next() {
        if let Some(u) = e.update_args() {
            since_refresh += u.dt;
            if since_refresh >= REFRESH_SECS {
                since_refresh = 0.0;
                if pg.is_closed() {
                    // The DB box was restarted: reconnect once, keep showing stale numbers meanwhile.
                    match db::connect_with_retry(3) {
                        Ok(fresh) => pg = fresh,
                        Err(err) => log::warn!("still offline: {err}"),
                    }
                }
                board.refresh(&mut pg, &mut andon);
            }
        }

        if let Some(Button::Keyboard(Key::R)) = e.press_args() {
            board.refresh(&mut pg, &mut andon);
        }

        window.draw_2d(&e, |c, g, device| {
            board.draw(c, g, &mut glyphs);
            glyphs.factory.encoder.flush(device);
        });
    }
    Ok(())
}
