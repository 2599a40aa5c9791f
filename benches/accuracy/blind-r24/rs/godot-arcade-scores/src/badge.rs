use godot::classes::{IPanelContainer, Label, PanelContainer};
use godot::prelude::*;
use postgres::Client;

use crate::db;

/// Member card shown in the corner of the HUD. The connection is opened once
/// when the node enters the tree and reused for the whole session; it is
/// dropped (and closed) with the node.
#[derive(GodotClass)]
#[class(base=PanelContainer)]
pub struct PlayerBadge {
    base: Base<PanelContainer>,
    conn: Option<Client>,
}

#[godot_api]
impl IPanelContainer for PlayerBadge {
    fn init(base: Base<PanelContainer>) -> Self {
        Self { base, conn: None }
    }

    fn ready(&mut self) {
        match db::connect() {
            Ok(c) => self.conn = Some(c),
            Err(e) => godot_warn!("badge: offline mode: {e}"),
        }
    }
}

#[godot_api]
impl PlayerBadge {
    #[func]
    fn show_member(&mut self, card_id: GString) {
        let Some(conn) = self.conn.as_mut() else { return };
        let card = card_id.to_string();
        let name: String = match conn.query_opt("SELECT display_name FROM members WHERE card_id = $1", &[&card]) {
            Ok(Some(row)) => row.get(0),
            _ => "GUEST".to_string(),
        };
        let mut label = self.base().get_node_as::<Label>("Name");
        label.set_text(&name);
    }
}
