mod stations;

use std::time::{Duration, Instant};

use glfw::{Action, Context, Key, WindowEvent};
use stations::{CallKind, LineStatus};

const REFRESH_EVERY: Duration = Duration::from_secs(30);

fn main() -> anyhow::Result<()> {
    let dsn = std::env::var("ANDON_DSN")?;
    let mes_url = std::env::var("MES_URL")?;
    let line = std::env::var("ANDON_LINE").unwrap_or_else(|_| "L3".into());
    let station = std::env::var("ANDON_STATION").unwrap_or_else(|_| "L3-S07".into());

    let mut glfw = glfw::init(glfw::fail_on_errors)?;
    let (mut window, events) = glfw
        .create_window(800, 480, "Andon", glfw::WindowMode::Windowed)
        .ok_or_else(|| anyhow::anyhow!("cannot open andon window"))?;
    window.make_current();
    window.set_key_polling(true);
    gl::load_with(|s| window.get_proc_address(s) as *const _);

    let mut status: Option<LineStatus> = None;
    let mut last_refresh = Instant::now() - REFRESH_EVERY;
    let mut last_call: Option<(CallKind, i64)> = None;

    while !window.should_close() {
        glfw.wait_events_timeout(0.5);
        for (_, event) in glfw::flush_messages(&events) {
            let kind = match event {
                WindowEvent::Key(Key::F1, _, Action::Press, _) => Some(CallKind::Material),
                WindowEvent::Key(Key::F2, _, Action::Press, _) => Some(CallKind::Quality),
                WindowEvent::Key(Key::F3, _, Action::Press, _) => Some(CallKind::Maintenance),
                WindowEvent::Key(Key::F4, _, Action::Press, _) => Some(CallKind::Supervisor),
                WindowEvent::Key(Key::Escape, _, Action::Press, _) => {
                    window.set_should_close(true);
                    None
                }
                _ => None,
            };
            if let Some(kind) = kind {
                match stations::raise_call(&dsn, &station, kind) {
                    Ok(id) => last_call = Some((kind, id)),
                    Err(err) => eprintln!("andon call failed: {err:#}"),
                }
            }
        }

        if last_refresh.elapsed() >= REFRESH_EVERY {
            match stations::fetch_status(&mes_url, &line) {
                Ok(s) => {
                    if s.open_calls == 0 {
                        last_call = None;
                    }
                    status = Some(s);
                }
                Err(err) => eprintln!("MES status refresh failed: {err:#}"),
            }
            last_refresh = Instant::now();
        }

        let (r, g, b) = match (&status, last_call) {
            (_, Some((CallKind::Quality, _))) => (0.9, 0.1, 0.1),
            (_, Some(_)) => (0.95, 0.75, 0.05),
            (Some(s), None) if !s.running => (0.2, 0.2, 0.9),
            _ => (0.1, 0.7, 0.2),
        };
        let title = match (&status, last_call) {
            (Some(s), Some((kind, id))) => format!(
                "{station} | call #{id} {} | open {} | takt {:.0}s",
                kind.as_str(),
                s.open_calls,
                s.takt_seconds
            ),
            (Some(s), None) => format!("{station} | open {} | takt {:.0}s", s.open_calls, s.takt_seconds),
            _ => format!("{station} | waiting for MES"),
        };
        window.set_title(&title);
        unsafe {
            gl::ClearColor(r, g, b, 1.0);
            gl::Clear(gl::COLOR_BUFFER_BIT);
        }
        window.swap_buffers();
    }
    Ok(())
}
