mod scores;

use macroquad::prelude::*;

const ROCKET_W: f32 = 24.0;
const REFRESH_EVERY_FRAMES: u32 = 600;

struct Rock {
    pos: Vec2,
    speed: f32,
    radius: f32,
}

struct Game {
    x: f32,
    rocks: Vec<Rock>,
    score: u32,
    crashed: bool,
    submitted: bool,
}

impl Game {
    fn new() -> Self {
        Self { x: screen_width() / 2.0, rocks: Vec::new(), score: 0, crashed: false, submitted: false }
    }

    fn update(&mut self, dt: f32) {
        if is_key_down(KeyCode::Left) {
            self.x -= 320.0 * dt;
        }
        if is_key_down(KeyCode::Right) {
            self.x += 320.0 * dt;
        }
        self.x = self.x.clamp(ROCKET_W, screen_width() - ROCKET_W);

        if rand::gen_range(0, 100) < 4 {
            self.rocks.push(Rock {
                pos: vec2(rand::gen_range(0.0, screen_width()), -20.0),
                speed: rand::gen_range(120.0, 320.0),
                radius: rand::gen_range(8.0, 22.0),
            });
        }
        let rocket = vec2(self.x, screen_height() - 40.0);
        for rock in &mut self.rocks {
            rock.pos.y += rock.speed * dt;
            if rock.pos.distance(rocket) < rock.radius + ROCKET_W / 2.0 {
                self.crashed = true;
            }
        }
        let before = self.rocks.len();
        self.rocks.retain(|r| r.pos.y < screen_height() + 30.0);
        self.score += (before - self.rocks.len()) as u32;
    }

    fn draw(&self) {
        for rock in &self.rocks {
            draw_circle(rock.pos.x, rock.pos.y, rock.radius, GRAY);
        }
        let y = screen_height() - 40.0;
        draw_triangle(vec2(self.x, y - 20.0), vec2(self.x - 12.0, y + 12.0), vec2(self.x + 12.0, y + 12.0), ORANGE);
        draw_text(&format!("score {}", self.score), 16.0, 28.0, 28.0, WHITE);
    }
}

#[macroquad::main("Rocket Dodge")]
async fn main() {
    let player = std::env::var("PLAYER").unwrap_or_else(|_| "anonymous".to_string());
    let mut game = Game::new();
    let mut leaderboard: Vec<scores::Entry> = Vec::new();
    let mut frames_since_refresh = REFRESH_EVERY_FRAMES;

    loop {
        if frames_since_refresh >= REFRESH_EVERY_FRAMES {
            let client = scores::api_client();
            match scores::fetch_leaderboard(&client) {
                Ok(top) => leaderboard = top,
                Err(e) => eprintln!("leaderboard refresh failed: {e}"),
            }
            frames_since_refresh = 0;
        }
        frames_since_refresh += 1;

        clear_background(BLACK);
        if !game.crashed {
            game.update(get_frame_time());
        } else {
            if !game.submitted {
                if let Err(e) = scores::save_score(&player, game.score) {
                    eprintln!("could not save score: {e}");
                }
                game.submitted = true;
            }
            draw_text("CRASHED - space to retry", 16.0, 64.0, 32.0, RED);
            if is_key_pressed(KeyCode::Space) {
                game = Game::new();
            }
        }
        game.draw();

        for (i, entry) in leaderboard.iter().take(5).enumerate() {
            let line = format!("{}. {} {}", i + 1, entry.player, entry.score);
            draw_text(&line, screen_width() - 220.0, 28.0 + 24.0 * i as f32, 22.0, YELLOW);
        }

        next_frame().await
    }
}
