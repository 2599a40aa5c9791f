use sdl2::event::Event;
use sdl2::keyboard::Keycode;
use sdl2::pixels::Color;
use sdl2::rect::Rect;
use sdl2::render::{Canvas, TextureCreator};
use sdl2::ttf::Font;
use sdl2::video::{Window, WindowContext};

mod checkin;
mod db;

use checkin::{Config, Kiosk};

fn lobby_queue_length(redis_url: &str) -> redis::RedisResult<i64> {
    let client = redis::Client::open(redis_url)?;
    let mut con = client.get_connection()?;
    redis::cmd("LLEN").arg("lobby:waiting").query(&mut con)
}

fn draw_text(
    canvas: &mut Canvas<Window>,
    textures: &TextureCreator<WindowContext>,
    font: &Font,
    text: &str,
    x: i32,
    y: i32,
) -> Result<(), String> {
    if text.is_empty() {
        return Ok(());
    }
    let surface = font
        .render(text)
        .blended(Color::RGB(235, 238, 245))
        .map_err(|e| e.to_string())?;
    let texture = textures
        .create_texture_from_surface(&surface)
        .map_err(|e| e.to_string())?;
    canvas.copy(&texture, None, Some(Rect::new(x, y, surface.width(), surface.height())))
}

fn main() -> Result<(), String> {
    let cfg = Config::from_env();
    let client = db::connect(&cfg.database_url).map_err(|e| e.to_string())?;
    let mut kiosk = Kiosk::new(client, cfg.clone());

    let sdl = sdl2::init()?;
    let video = sdl.video()?;
    let ttf = sdl2::ttf::init().map_err(|e| e.to_string())?;
    let headline_font = ttf.load_font(&cfg.font_path, 56)?;
    let status_font = ttf.load_font(&cfg.font_path, 24)?;

    let window = video
        .window("Lobby check-in", 1280, 800)
        .position_centered()
        .fullscreen_desktop()
        .build()
        .map_err(|e| e.to_string())?;
    let mut canvas = window
        .into_canvas()
        .present_vsync()
        .build()
        .map_err(|e| e.to_string())?;
    let textures = canvas.texture_creator();
    let mut events = sdl.event_pump()?;
    video.text_input().start();

    let mut badge = String::new();

    'frame: loop {
        for event in events.poll_iter() {
            match event {
                Event::Quit { .. } => break 'frame,
                Event::TextInput { text, .. } => badge.push_str(&text),
                Event::KeyDown { keycode: Some(Keycode::Backspace), .. } => {
                    badge.pop();
                }
                Event::KeyDown { keycode: Some(Keycode::Return), .. } => {
                    let scanned = std::mem::take(&mut badge);
                    kiosk.on_scan(scanned.trim());
                }
                Event::KeyDown { keycode: Some(Keycode::F1), .. } => kiosk.confirm_visitor(),
                Event::KeyDown { keycode: Some(Keycode::Escape), .. } => kiosk.cancel(),
                _ => {}
            }
        }

        kiosk.tick();
        let waiting = lobby_queue_length(&cfg.redis_url).unwrap_or(-1);

        canvas.set_draw_color(Color::RGB(18, 24, 38));
        canvas.clear();
        canvas.set_draw_color(Color::RGB(40, 120, 200));
        canvas.fill_rect(Rect::new(0, 0, 1280, 8))?;

        draw_text(&mut canvas, &textures, &headline_font, &kiosk.headline(), 80, 260)?;
        draw_text(&mut canvas, &textures, &status_font, &kiosk.subline(), 80, 360)?;
        let footer = if waiting >= 0 {
            format!("{} · {waiting} visitors waiting", cfg.site)
        } else {
            cfg.site.clone()
        };
        draw_text(&mut canvas, &textures, &status_font, &footer, 80, 740)?;

        canvas.present();
    }

    Ok(())
}
