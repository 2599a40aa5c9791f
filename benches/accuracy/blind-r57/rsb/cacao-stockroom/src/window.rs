//! The lookup window: SKU field, two buttons, a result label.
use std::sync::{Arc, Mutex};
use std::thread;

use cacao::appkit::window::{Window, WindowDelegate};
use cacao::appkit::App;
use cacao::button::Button;
use cacao::input::{TextField, TextFieldDelegate};
use cacao::layout::{Layout, LayoutConstraint};
use cacao::text::Label;
use cacao::view::View;

use crate::services::Services;
use crate::{Message, StockroomApp};

pub struct SkuField {
    current: Arc<Mutex<String>>,
}

impl TextFieldDelegate for SkuField {
    const NAME: &'static str = "StockroomSkuField";

    fn text_did_change(&self, value: &str) {
        *self.current.lock().unwrap() = value.trim().to_uppercase();
    }
}

pub struct LookupWindow {
    content: View,
    sku: TextField<SkuField>,
    lookup: Button,
    reorder: Button,
    result: Label,
}

fn dispatch(message: Message) {
    App::<StockroomApp, Message>::dispatch_main(message);
}

impl LookupWindow {
    pub fn new(services: Arc<Services>) -> LookupWindow {
        let current = Arc::new(Mutex::new(String::new()));

        let mut lookup = Button::new("Look up");
        let (svc, sku) = (services.clone(), current.clone());
        lookup.set_action(move || {
            let (svc, sku) = (svc.clone(), sku.lock().unwrap().clone());
            thread::spawn(move || dispatch(match svc.lookup(&sku) {
                Ok(info) => Message::Found(info),
                Err(err) => Message::Failed(err.to_string()),
            }));
        });

        let mut reorder = Button::new("Reorder 10");
        let (svc, sku) = (services, current.clone());
        reorder.set_action(move || {
            let (svc, sku) = (svc.clone(), sku.lock().unwrap().clone());
            thread::spawn(move || dispatch(match svc.reorder(&sku, 10) {
                Ok(()) => Message::Reordered(sku),
                Err(err) => Message::Failed(err.to_string()),
            }));
        });

        LookupWindow {
            content: View::new(),
            sku: TextField::with(SkuField { current }),
            lookup,
            reorder,
            result: Label::new(),
        }
    }

    pub fn show(&self, text: &str) {
        self.result.set_text(text);
    }
}

impl WindowDelegate for LookupWindow {
    const NAME: &'static str = "StockroomLookupWindow";

    fn did_load(&mut self, window: Window) {
        window.set_title("Stockroom");
        window.set_minimum_content_size(420., 160.);
        self.content.add_subview(&self.sku);
        self.content.add_subview(&self.lookup);
        self.content.add_subview(&self.reorder);
        self.content.add_subview(&self.result);
        LayoutConstraint::activate(&[
            self.sku.top.constraint_equal_to(&self.content.top).offset(20.),
            self.sku.leading.constraint_equal_to(&self.content.leading).offset(20.),
            self.sku.width.constraint_equal_to_constant(200.),
            self.lookup.center_y.constraint_equal_to(&self.sku.center_y),
            self.lookup.leading.constraint_equal_to(&self.sku.trailing).offset(12.),
            self.reorder.center_y.constraint_equal_to(&self.sku.center_y),
            self.reorder.leading.constraint_equal_to(&self.lookup.trailing).offset(8.),
            self.result.top.constraint_equal_to(&self.sku.bottom).offset(20.),
            self.result.leading.constraint_equal_to(&self.content.leading).offset(20.),
            self.result.trailing.constraint_equal_to(&self.content.trailing).offset(-20.),
        ]);
        window.set_content_view(&self.content);
    }
}
