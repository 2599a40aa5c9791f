mod backend;
mod store;

use cstr::cstr;
use qmetaobject::prelude::*;

use backend::Backend;

fn main() {
    env_logger::init();
    qmetaobject::log::init_qt_to_rust();

    qml_register_type::<Backend>(cstr!("Stockroom"), 1, 0, cstr!("Backend"));

    let mut engine = QmlEngine::new();
    engine.load_file("qml/main.qml".into());
    engine.exec();
}
