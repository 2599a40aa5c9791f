use crate::{GameState, Point};

const MOVES: [(&str, i32, i32); 4] = [("up", 0, 1), ("down", 0, -1), ("left", -1, 0), ("right", 1, 0)];

fn occupied(state: &GameState, p: &Point) -> bool {
    state.board.snakes.iter().any(|s| {
        // tails move away next turn unless the snake just ate
        let len = s.body.len().saturating_sub(1);
        s.body[..len].iter().any(|b| b.x == p.x && b.y == p.y)
    })
}

fn danger(state: &GameState, p: &Point, tendencies: &[(&str, f64)]) -> f64 {
    state
        .board
        .snakes
        .iter()
        .filter(|s| s.id != state.you.id && s.length >= state.you.length)
        .filter(|s| (s.head.x - p.x).abs() + (s.head.y - p.y).abs() == 1)
        .map(|s| tendencies.iter().find(|(id, _)| *id == s.id).map_or(0.5, |t| t.1))
        .sum()
}

pub fn choose(state: &GameState, tendencies: &[(&str, f64)]) -> (&'static str, &'static str) {
    let head = &state.you.head;
    let hungry = state.you.health < 40;
    let mut best = ("up", f64::MIN);
    for (name, dx, dy) in MOVES {
        let p = Point { x: head.x + dx, y: head.y + dy };
        if p.x < 0 || p.y < 0 || p.x >= state.board.width || p.y >= state.board.height || occupied(state, &p) {
            continue;
        }
        let food_dist = state
            .board
            .food
            .iter()
            .map(|f| (f.x - p.x).abs() + (f.y - p.y).abs())
            .min()
            .unwrap_or(0) as f64;
        let score = -danger(state, &p, tendencies) * 10.0 - if hungry { food_dist } else { food_dist * 0.2 };
        if score > best.1 {
            best = (name, score);
        }
    }
    (best.0, if hungry { "snack time" } else { "sss" })
}
