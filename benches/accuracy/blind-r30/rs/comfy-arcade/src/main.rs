mod scores;

use comfy::*;

use crate::scores::Board;

simple_game!("Asteroid Courier", GameState, setup, update);

pub struct GameState {
    ship: Vec2,
    rocks: Vec<(Vec2, Vec2)>,
    score: u32,
    game_over: bool,
    submitted: bool,
    board: Board,
    top: Vec<(String, u32)>,
}

impl GameState {
    pub fn new(_c: &EngineState) -> Self {
        // Opened once for the lifetime of the cabinet process.
        let board = Board::open("arcade-scores.db", std::env::var("LEADERBOARD_URL").ok())
            .expect("score board");
        let top = board.top(5).unwrap_or_default();
        Self {
            ship: Vec2::ZERO,
            rocks: Vec::new(),
            score: 0,
            game_over: false,
            submitted: false,
            board,
            top,
        }
    }
}

fn setup(state: &mut GameState, _c: &mut EngineContext) {
    for i in 0..8 {
        let angle = i as f32 * 0.8;
        state.rocks.push((vec2(angle.cos() * 8.0, angle.sin() * 6.0), vec2(-angle.cos(), -angle.sin()) * 0.02));
    }
}

// Called every frame.
fn update(state: &mut GameState, _c: &mut EngineContext) {
    if state.game_over {
        if !state.submitted {
            state.submitted = true;
            if let Err(e) = state.board.submit("P1", state.score) {
                eprintln!("score not saved: {e}");
            }
            state.top = state.board.top(5).unwrap_or_default();
        }
        draw_text(&format!("GAME OVER - {} pts", state.score), vec2(0.0, 2.0), RED, TextAlign::Center);
        for (i, (name, pts)) in state.top.iter().enumerate() {
            draw_text(&format!("{name}  {pts}"), vec2(0.0, 0.5 - i as f32 * 0.6), WHITE, TextAlign::Center);
        }
        if is_key_pressed(KeyCode::Return) {
            state.ship = Vec2::ZERO;
            state.score = 0;
            state.game_over = false;
            state.submitted = false;
        }
        return;
    }

    let speed = 0.12;
    if is_key_down(KeyCode::Left) { state.ship.x -= speed; }
    if is_key_down(KeyCode::Right) { state.ship.x += speed; }
    if is_key_down(KeyCode::Up) { state.ship.y += speed; }
    if is_key_down(KeyCode::Down) { state.ship.y -= speed; }

    for (pos, vel) in state.rocks.iter_mut() {
        *pos += *vel;
        if pos.length() > 12.0 {
            *pos = -*pos * 0.9;
        }
        if pos.distance(state.ship) < 0.7 {
            state.game_over = true;
        }
        draw_circle(*pos, 0.5, GRAY, 0);
    }

    state.score += 1;
    draw_circle(state.ship, 0.3, YELLOW, 1);
    draw_text(&format!("{}", state.score), vec2(-9.0, 6.0), WHITE, TextAlign::TopLeft);
}
