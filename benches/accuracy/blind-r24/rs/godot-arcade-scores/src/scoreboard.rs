use godot::classes::{Control, IControl, Label};
use godot::prelude::*;

use crate::db;

/// Attract-mode high score table. Lives in the title scene for hours at a time.
#[derive(GodotClass)]
#[class(base=Control)]
pub struct Scoreboard {
    base: Base<Control>,
    #[export]
    game_id: GString,
    #[export]
    refresh_seconds: f64,
    since_refresh: f64,
}

#[godot_api]
impl IControl for Scoreboard {
    fn init(base: Base<Control>) -> Self {
        Self {
            base,
            game_id: GString::from("galaxy-run"),
            refresh_seconds: 15.0,
            since_refresh: 0.0,
        }
    }

    fn ready(&mut self) {
        self.reload();
    }

    // Called by the engine every frame.
    fn process(&mut self, delta: f64) {
        self.since_refresh += delta;
        if self.since_refresh < self.refresh_seconds {
            return;
        }
        self.since_refresh = 0.0;
        self.reload();
    }
}

#[godot_api]
impl Scoreboard {
    #[func]
    fn reload(&mut self) {
        let mut client = match db::connect() {
            Ok(c) => c,
            Err(e) => {
                godot_warn!("scoreboard: db unavailable: {e}");
                return;
            }
        };
        let game = self.game_id.to_string();
        let rows = match db::top_scores(&mut client, &game, 10) {
            Ok(rows) => rows,
            Err(e) => {
                godot_warn!("scoreboard: query failed: {e}");
                return;
            }
        };

        let mut text = String::new();
        for (i, row) in rows.iter().enumerate() {
            text.push_str(&format!("{:>2}. {:<3} {:>9}\n", i + 1, row.initials, row.score));
        }
        let mut label = self.base().get_node_as::<Label>("Rows");
        label.set_text(&text);
    }
}
