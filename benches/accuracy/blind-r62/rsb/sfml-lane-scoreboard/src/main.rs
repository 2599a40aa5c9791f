//! Overhead scoreboard for the bowling centre. Each small PC above a lane
//! pair runs one full-screen SFML window showing both lanes. Scores come
//! from the lane-management system's MySQL database.

mod feed;

use std::env;
use std::sync::mpsc;

use anyhow::{Context, Result};
use sfml::graphics::{Color, Font, RenderTarget, RenderWindow, Text, Transformable};
use sfml::window::{Event, Key, Style, VideoMode};

fn main() -> Result<()> {
    env_logger::init();
    let pair = env::var("LANE_PAIR").unwrap_or_else(|_| "1,2".into());
    let (left, right) = pair.split_once(',').context("LANE_PAIR must look like 7,8")?;
    let lanes: (u8, u8) = (left.trim().parse()?, right.trim().parse()?);

    // One pool for the life of the process, owned by the refresher thread.
    let pool = feed::connect_pool(&env::var("LANES_DATABASE_URL")?)?;
    let (tx, rx) = mpsc::channel::<feed::Snapshot>();
    feed::spawn_refresher(pool, lanes, tx)?;

    let mut window = RenderWindow::new(
        VideoMode::desktop_mode(),
        "Lanes",
        Style::FULLSCREEN,
        &Default::default(),
    );
    window.set_framerate_limit(30);
    window.set_mouse_cursor_visible(false);
    let font = Font::from_file("/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf")
        .context("scoreboard font")?;

    let mut snapshot = feed::Snapshot::default();
    while window.is_open() {
        while let Some(event) = window.poll_event() {
            match event {
                Event::Closed | Event::KeyPressed { code: Key::Escape, .. } => window.close(),
                _ => {}
            }
        }
        // The refresher thread does all database work; the frame loop only
        // picks up the newest snapshot it has sent.
        while let Ok(s) = rx.try_recv() {
            snapshot = s;
        }

        window.clear(Color::rgb(8, 12, 40));
        draw_lane(&mut window, &font, &snapshot.left, 30.0);
        draw_lane(&mut window, &font, &snapshot.right, 560.0);
        window.display();
    }
    Ok(())
}

fn draw_lane(window: &mut RenderWindow, font: &Font, lane: &feed::Lane, top: f32) {
    let title = format!("LANE {}", lane.number);
    let mut header = Text::new(title.as_str(), font, 56);
    header.set_fill_color(Color::YELLOW);
    header.set_position((40.0, top));
    window.draw(&header);

    for (i, b) in lane.bowlers.iter().enumerate() {
        let frames: String = b
            .frames
            .iter()
            .map(|f| f.map_or("   ".to_string(), |s| format!("{s:>3}")))
            .collect::<Vec<_>>()
            .join("|");
        let line = format!("{:<12} {frames}  {:>3}", b.name, b.total);
        let mut text = Text::new(line.as_str(), font, 36);
        text.set_fill_color(if b.up { Color::GREEN } else { Color::WHITE });
        text.set_position((40.0, top + 80.0 + i as f32 * 52.0));
        window.draw(&text);
    }
}
