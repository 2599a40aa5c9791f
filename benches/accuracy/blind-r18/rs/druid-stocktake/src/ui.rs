use druid::widget::{Button, CrossAxisAlignment, Flex, Label, List, Scroll, Stepper};
use druid::{LensExt, Widget, WidgetExt};

use crate::delegate::{LOAD_ITEMS, SAVE_COUNTS, SYNC_TO_HQ};
use crate::model::{AppState, Item};

pub fn build() -> impl Widget<AppState> {
    let toolbar = Flex::row()
        .with_child(Button::new("Load from HQ").on_click(|ctx, _data: &mut AppState, _env| {
            ctx.submit_command(LOAD_ITEMS);
        }))
        .with_spacer(8.0)
        .with_child(Button::new("Save counts").on_click(|ctx, _data: &mut AppState, _env| {
            ctx.submit_command(SAVE_COUNTS);
        }))
        .with_spacer(8.0)
        .with_child(Button::new("Sync").on_click(|ctx, _data: &mut AppState, _env| {
            ctx.submit_command(SYNC_TO_HQ);
        }))
        .with_flex_spacer(1.0)
        .with_child(Label::dynamic(|data: &AppState, _| data.status.clone()));

    let rows = Scroll::new(List::new(item_row).lens(AppState::items)).vertical();

    Flex::column()
        .cross_axis_alignment(CrossAxisAlignment::Start)
        .with_child(toolbar)
        .with_spacer(8.0)
        .with_flex_child(rows, 1.0)
        .padding(12.0)
}

fn item_row() -> impl Widget<Item> {
    Flex::row()
        .with_child(Label::dynamic(|i: &Item, _| i.sku.clone()).fix_width(120.0))
        .with_flex_child(Label::dynamic(|i: &Item, _| i.name.clone()), 1.0)
        .with_child(Label::dynamic(|i: &Item, _| format!("exp {}", i.expected)).fix_width(80.0))
        .with_child(Label::dynamic(|i: &Item, _| i.counted.to_string()).fix_width(50.0))
        .with_child(Stepper::new().with_range(0.0, 10_000.0).lens(Item::counted.map(
            |c| *c as f64,
            |c, v| *c = v as i64,
        )))
}
