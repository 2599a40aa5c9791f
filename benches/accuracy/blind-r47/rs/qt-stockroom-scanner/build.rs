use cxx_qt_build::{CxxQtBuilder, QmlModule};

fn main() {
    CxxQtBuilder::new()
        .qml_module(QmlModule {
            uri: "com.acme.stockroom",
            rust_files: &["src/scanner.rs"],
            qml_files: &["qml/main.qml"],
            ..Default::default()
        })
        .build();
}
