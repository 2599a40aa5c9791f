mod alerts;
mod components;
mod orders;

use std::env;
use std::time::Duration;

use serde::Deserialize;
use tuirealm::application::PollStrategy;
use tuirealm::props::{TableBuilder, TextSpan};
use tuirealm::terminal::TerminalBridge;
use tuirealm::tui::layout::{Constraint, Direction, Layout};
use tuirealm::{Application, AttrValue, Attribute, EventListenerCfg, NoUserEvent, Sub, SubClause, SubEventClause, Update};

use components::{OrderList, StatusBar};

#[derive(Debug, PartialEq)]
pub enum Msg {
    AppClose,
    Refresh,
    Acknowledge(usize),
    None,
}

#[derive(Debug, Eq, PartialEq, Clone, Hash)]
pub enum Id {
    Orders,
    Status,
}

#[derive(Deserialize)]
struct CarrierStatus {
    carrier: String,
    delayed: bool,
}

pub struct Model {
    app: Application<Id, Msg, NoUserEvent>,
    terminal: TerminalBridge,
    orders: orders::OrdersRepo,
    alerts: alerts::AlertsRepo,
    rows: Vec<orders::OpenOrder>,
    carrier_api: String,
    quit: bool,
    redraw: bool,
}

impl Model {
    fn view(&mut self) {
        let _ = self.terminal.raw_mut().draw(|f| {
            let chunks = Layout::default()
                .direction(Direction::Vertical)
                .constraints([Constraint::Min(5), Constraint::Length(1)])
                .split(f.size());
            self.app.view(&Id::Orders, f, chunks[0]);
            self.app.view(&Id::Status, f, chunks[1]);
        });
    }

    fn reload(&mut self) {
        self.rows = self.orders.open_orders().unwrap_or_default();

        let http = reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(2))
            .build()
            .expect("http client");
        let delayed: Vec<String> = http
            .get(format!("{}/carriers/status", self.carrier_api))
            .send()
            .and_then(|r| r.json::<Vec<CarrierStatus>>())
            .map(|list| list.into_iter().filter(|c| c.delayed).map(|c| c.carrier).collect())
            .unwrap_or_default();

        let mut table = TableBuilder::default();
        for order in &self.rows {
            let flag = if delayed.contains(&order.carrier) { " (carrier delayed)" } else { "" };
            table
                .add_col(TextSpan::from(format!("#{} {} x{} via {}{}", order.id, order.customer, order.lines, order.carrier, flag)))
                .add_row();
        }
        let _ = self.app.attr(&Id::Orders, Attribute::Content, AttrValue::Table(table.build()));

        let pending = self.alerts.pending_count().unwrap_or(-1);
        let status = format!("{} open orders | {} pick alerts | r: refresh  enter: ack  esc: quit", self.rows.len(), pending);
        let _ = self.app.attr(&Id::Status, Attribute::Text, AttrValue::String(status));
    }
}

impl Update<Msg> for Model {
    fn update(&mut self, msg: Option<Msg>) -> Option<Msg> {
        let msg = msg?;
        self.redraw = true;
        match msg {
            Msg::AppClose => {
                self.quit = true;
                None
            }
            Msg::Refresh => {
                self.reload();
                None
            }
            Msg::Acknowledge(index) => {
                if let Some(order) = self.rows.get(index) {
                    let _ = self.alerts.acknowledge(order.id, &env::var("USER").unwrap_or_default());
                }
                Some(Msg::Refresh)
            }
            Msg::None => None,
        }
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let db_url = env::var("WMS_DATABASE_URL").unwrap_or_else(|_| "postgres://wms:wms@wms-db:5432/wms".into());

    let mut app: Application<Id, Msg, NoUserEvent> = Application::init(
        EventListenerCfg::default()
            .default_input_listener(Duration::from_millis(20))
            .poll_timeout(Duration::from_millis(10))
            .tick_interval(Duration::from_secs(5)),
    );
    app.mount(Id::Orders, Box::new(OrderList::default()), vec![Sub::new(SubEventClause::Tick, SubClause::Always)])?;
    app.mount(Id::Status, Box::new(StatusBar::default()), vec![])?;
    app.active(&Id::Orders)?;

    let mut model = Model {
        app,
        terminal: TerminalBridge::new()?,
        orders: orders::OrdersRepo::connect(&db_url)?,
        alerts: alerts::AlertsRepo::connect(&db_url)?,
        rows: Vec::new(),
        carrier_api: env::var("CARRIER_API").unwrap_or_else(|_| "http://carriers.internal".into()),
        quit: false,
        redraw: true,
    };
    model.terminal.enter_alternate_screen()?;
    model.terminal.enable_raw_mode()?;
    model.reload();

    while !model.quit {
        if let Ok(messages) = model.app.tick(PollStrategy::Once) {
            for msg in messages {
                let mut msg = Some(msg);
                while msg.is_some() {
                    msg = model.update(msg);
                }
            }
        }
        if model.redraw {
            model.view();
            model.redraw = false;
        }
    }

    model.terminal.leave_alternate_screen()?;
    model.terminal.disable_raw_mode()?;
    model.terminal.clear_screen()?;
    Ok(())
}
