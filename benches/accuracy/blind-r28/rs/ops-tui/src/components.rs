use tui_realm_stdlib::{Label, List};
use tuirealm::command::{Cmd, Direction};
use tuirealm::event::{Key, KeyEvent};
use tuirealm::props::{Alignment, BorderType, Borders, Color};
use tuirealm::{Component, Event, MockComponent, NoUserEvent, State, StateValue};

use crate::Msg;

#[derive(MockComponent)]
pub struct OrderList {
    component: List,
}

impl Default for OrderList {
    fn default() -> Self {
        Self {
            component: List::default()
                .title("Open orders", Alignment::Left)
                .borders(Borders::default().modifiers(BorderType::Rounded).color(Color::Cyan))
                .highlighted_color(Color::LightYellow)
                .highlighted_str("> ")
                .scroll(true)
                .rewind(true),
        }
    }
}

impl Component<Msg, NoUserEvent> for OrderList {
    fn on(&mut self, ev: Event<NoUserEvent>) -> Option<Msg> {
        match ev {
            Event::Keyboard(KeyEvent { code: Key::Down, .. }) => {
                self.perform(Cmd::Move(Direction::Down));
                Some(Msg::None)
            }
            Event::Keyboard(KeyEvent { code: Key::Up, .. }) => {
                self.perform(Cmd::Move(Direction::Up));
                Some(Msg::None)
            }
            Event::Keyboard(KeyEvent { code: Key::Enter, .. }) => match self.state() {
                State::One(StateValue::Usize(index)) => Some(Msg::Acknowledge(index)),
                _ => None,
            },
            Event::Keyboard(KeyEvent { code: Key::Char('r'), .. }) | Event::Tick => Some(Msg::Refresh),
            Event::Keyboard(KeyEvent { code: Key::Esc, .. }) => Some(Msg::AppClose),
            _ => None,
        }
    }
}

#[derive(MockComponent)]
pub struct StatusBar {
    component: Label,
}

impl Default for StatusBar {
    fn default() -> Self {
        Self {
            component: Label::default()
                .text("loading...")
                .alignment(Alignment::Left)
                .foreground(Color::Gray),
        }
    }
}

impl Component<Msg, NoUserEvent> for StatusBar {
    fn on(&mut self, _ev: Event<NoUserEvent>) -> Option<Msg> {
        None
    }
}
