//! Loading-dock wallboard: a full-screen pixel display showing open
//! shipments per dock door. Runs on a Raspberry Pi behind each dock.

mod feed;
mod render;

use pixels::{Pixels, SurfaceTexture};
use std::time::{Duration, Instant};
use winit::dpi::LogicalSize;
use winit::event::{ElementState, Event, KeyEvent, WindowEvent};
use winit::event_loop::{ControlFlow, EventLoop};
use winit::keyboard::{Key, NamedKey};
use winit::window::WindowBuilder;

const WIDTH: u32 = 320;
const HEIGHT: u32 = 180;

fn main() -> anyhow::Result<()> {
    let db_url = std::env::var("WALLBOARD_DB_URL")?;
    let carrier_status_url = std::env::var("CARRIER_STATUS_URL")
        .unwrap_or_else(|_| "https://status.carrier.example/api/v2/summary.json".into());

    // The feed thread owns the only database client and HTTP client.
    let feed = feed::Feed::spawn(db_url, carrier_status_url);

    let event_loop = EventLoop::new()?;
    let window = WindowBuilder::new()
        .with_title("Dock wallboard")
        .with_inner_size(LogicalSize::new(WIDTH * 4, HEIGHT * 4))
        .build(&event_loop)?;

    let mut pixels = {
        let size = window.inner_size();
        let surface = SurfaceTexture::new(size.width, size.height, &window);
        Pixels::new(WIDTH, HEIGHT, surface)?
    };

    let mut snapshot = feed::Snapshot::default();

    event_loop.run(|event, elwt| {
        elwt.set_control_flow(ControlFlow::WaitUntil(Instant::now() + Duration::from_millis(250)));
        match event {
            Event::WindowEvent { event: WindowEvent::CloseRequested, .. } => elwt.exit(),
            Event::WindowEvent { event: WindowEvent::Resized(size), .. } => {
                if pixels.resize_surface(size.width, size.height).is_err() {
                    elwt.exit();
                }
            }
            Event::WindowEvent {
                event: WindowEvent::KeyboardInput {
                    event: KeyEvent { logical_key, state: ElementState::Pressed, .. },
                    ..
                },
                ..
            } => match logical_key {
                Key::Named(NamedKey::Escape) => elwt.exit(),
                Key::Character(c) if c.as_str() == "r" => feed.request_refresh(),
                _ => {}
            },
            Event::WindowEvent { event: WindowEvent::RedrawRequested, .. } => {
                // Per frame: take the newest snapshot, if any, and draw it.
                if let Some(latest) = feed.latest() {
                    snapshot = latest;
                }
                render::draw(pixels.frame_mut(), WIDTH, HEIGHT, &snapshot);
                if let Err(e) = pixels.render() {
                    eprintln!("render failed: {e}");
                    elwt.exit();
                }
            }
            Event::AboutToWait => window.request_redraw(),
            _ => {}
        }
    })?;
    Ok(())
}
