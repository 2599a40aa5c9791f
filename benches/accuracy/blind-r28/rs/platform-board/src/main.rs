mod board;

use notan::draw::*;
use notan::prelude::*;

use board::{Board, Departure};

const REFRESH_SECS: f32 = 30.0;

#[derive(AppState)]
struct State {
    font: Font,
    board: Board,
    rows: Vec<Departure>,
    since_refresh: f32,
    stale: bool,
}

#[notan_main]
fn main() -> Result<(), String> {
    let window = WindowConfig::new()
        .set_title("Depot departures")
        .set_size(1920, 1080)
        .set_fullscreen(true)
        .set_vsync(true);

    notan::init_with(setup)
        .add_config(window)
        .add_config(DrawConfig)
        .update(update)
        .draw(draw)
        .build()
}

// notan calls this exactly once, before the first frame
fn setup(gfx: &mut Graphics) -> State {
    let font = gfx
        .create_font(include_bytes!("../assets/DejaVuSans-Bold.ttf"))
        .expect("board font");
    let stop_code = std::env::var("STOP_CODE").unwrap_or_else(|_| "DEPOT-A".to_string());
    let board = Board::open(&stop_code).expect("could not initialise departures board");
    let (rows, stale) = board.fetch();
    State { font, board, rows, since_refresh: 0.0, stale }
}

fn update(app: &mut App, state: &mut State) {
    if app.keyboard.was_pressed(KeyCode::Escape) {
        app.exit();
    }
    state.since_refresh += app.timer.delta_f32();
    if state.since_refresh < REFRESH_SECS {
        return;
    }
    state.since_refresh = 0.0;
    let (rows, stale) = state.board.fetch();
    state.rows = rows;
    state.stale = stale;
}

fn draw(gfx: &mut Graphics, state: &mut State) {
    let mut draw = gfx.create_draw();
    draw.clear(Color::from_rgb(0.02, 0.02, 0.08));

    draw.text(&state.font, "Departures")
        .position(60.0, 40.0)
        .size(64.0)
        .color(Color::YELLOW);

    for (i, dep) in state.rows.iter().take(12).enumerate() {
        let y = 150.0 + i as f32 * 72.0;
        let color = if dep.delayed_min > 0 { Color::ORANGE } else { Color::WHITE };
        draw.text(&state.font, &dep.departs_at).position(60.0, y).size(44.0).color(color);
        draw.text(&state.font, &dep.route).position(260.0, y).size(44.0).color(color);
        draw.text(&state.font, &dep.destination).position(420.0, y).size(44.0).color(color);
        if dep.delayed_min > 0 {
            draw.text(&state.font, &format!("+{} min", dep.delayed_min))
                .position(1600.0, y)
                .size(44.0)
                .color(Color::ORANGE);
        }
    }

    if state.stale {
        draw.text(&state.font, "Live data unavailable - showing last known times")
            .position(60.0, 1020.0)
            .size(28.0)
            .color(Color::RED);
    }
    gfx.render(&draw);
}
