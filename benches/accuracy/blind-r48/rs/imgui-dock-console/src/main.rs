mod data;

use std::time::{Duration, Instant};

use glium::glutin::event::{Event, WindowEvent};
use glium::glutin::event_loop::{ControlFlow, EventLoop};
use glium::glutin::window::WindowBuilder;
use glium::glutin::{dpi::LogicalSize, ContextBuilder};
use glium::{Display, Surface};
use imgui::{Condition, Context};
use imgui_glium_renderer::Renderer;
use imgui_winit_support::{HiDpiMode, WinitPlatform};

use data::{Backends, DockDoor};

const AUTO_REFRESH: Duration = Duration::from_secs(30);

struct ConsoleState {
    site: String,
    doors: Vec<DockDoor>,
    status_line: String,
    last_refresh: Option<Instant>,
}

fn main() -> anyhow::Result<()> {
    let backends = Backends::connect()?;
    let mut state = ConsoleState {
        site: std::env::var("SITE").unwrap_or_else(|_| "DC-NORTH".to_string()),
        doors: Vec::new(),
        status_line: String::new(),
        last_refresh: None,
    };

    let event_loop = EventLoop::new();
    let window = WindowBuilder::new()
        .with_title("Dock Door Console")
        .with_inner_size(LogicalSize::new(900.0, 600.0));
    let display = Display::new(window, ContextBuilder::new().with_vsync(true), &event_loop)?;

    let mut imgui = Context::create();
    imgui.set_ini_filename(None);
    let mut platform = WinitPlatform::init(&mut imgui);
    platform.attach_window(imgui.io_mut(), display.gl_window().window(), HiDpiMode::Default);
    let mut renderer = Renderer::init(&mut imgui, &display)?;
    let mut last_frame = Instant::now();

    event_loop.run(move |event, _, control_flow| match event {
        Event::NewEvents(_) => {
            let now = Instant::now();
            imgui.io_mut().update_delta_time(now - last_frame);
            last_frame = now;
        }
        Event::MainEventsCleared => {
            let gl_window = display.gl_window();
            platform
                .prepare_frame(imgui.io_mut(), gl_window.window())
                .expect("prepare frame");
            gl_window.window().request_redraw();
        }
        Event::RedrawRequested(_) => {
            if state.last_refresh.map_or(true, |t| t.elapsed() >= AUTO_REFRESH) {
                refresh(&backends, &mut state);
            }

            let ui = imgui.frame();
            draw(ui, &backends, &mut state);

            let gl_window = display.gl_window();
            let mut target = display.draw();
            target.clear_color_srgb(0.1, 0.1, 0.12, 1.0);
            platform.prepare_render(ui, gl_window.window());
            let draw_data = imgui.render();
            renderer.render(&mut target, draw_data).expect("imgui render");
            target.finish().expect("swap buffers");
        }
        Event::WindowEvent { event: WindowEvent::CloseRequested, .. } => {
            *control_flow = ControlFlow::Exit;
        }
        event => {
            let gl_window = display.gl_window();
            platform.handle_event(imgui.io_mut(), gl_window.window(), &event);
        }
    });
}

fn refresh(backends: &Backends, state: &mut ConsoleState) {
    match backends.doors(&state.site) {
        Ok(doors) => {
            state.status_line = format!("{} doors loaded", doors.len());
            state.doors = doors;
        }
        Err(err) => state.status_line = format!("refresh failed: {err}"),
    }
    state.last_refresh = Some(Instant::now());
}

fn draw(ui: &imgui::Ui, backends: &Backends, state: &mut ConsoleState) {
    let mut action: Option<(u32, Option<String>, bool)> = None;

    ui.window(format!("Dock doors - {}", state.site))
        .size([880.0, 580.0], Condition::FirstUseEver)
        .build(|| {
            if ui.button("Refresh now") {
                state.last_refresh = None;
            }
            ui.same_line();
            ui.text(&state.status_line);
            ui.separator();

            for door in &state.doors {
                ui.text(format!(
                    "Door {:>3}  {:<10} {:<8} {:<10} {:>4} min",
                    door.door,
                    door.trailer.as_deref().unwrap_or("-"),
                    door.carrier.as_deref().unwrap_or("-"),
                    door.status,
                    door.minutes_at_door
                ));
                ui.same_line();
                if ui.button(format!("Release##{}", door.door)) {
                    action = Some((door.door, door.trailer.clone(), false));
                }
                if door.trailer.is_some() {
                    ui.same_line();
                    if ui.button(format!("Call yard driver##{}", door.door)) {
                        action = Some((door.door, door.trailer.clone(), true));
                    }
                }
            }
        });

    if let Some((door, trailer, call_driver)) = action {
        let result = if call_driver {
            backends.call_yard_driver(&state.site, door, trailer.as_deref().unwrap_or_default())
        } else {
            backends.release_door(&state.site, door)
        };
        state.status_line = match result {
            Ok(()) => format!("door {door}: done"),
            Err(err) => format!("door {door}: {err}"),
        };
        state.last_refresh = None;
    }
}
