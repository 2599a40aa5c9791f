//! `cargo test --test bindings` regenerates the C# interop file that the
//! Acme.Quotes.Api project compiles against.
//!
//! The generated `Acme.Quotes.Native.Interop` class exposes:
//!   Quote quote_for(string sku, int quantity, string postcode)
//!   int stock_reserve(string sku, int quantity, long order_id)
//! and is wrapped by `NativeQuoteService`, registered as a singleton in
//! Program.cs and injected into QuoteController / CheckoutController.

use interoptopus::util::NamespaceMappings;
use interoptopus::{Error, Interop};

#[test]
fn bindings_csharp() -> Result<(), Error> {
    use interoptopus_backend_csharp::{Config, Generator};

    let config = Config {
        dll_name: "quote_native".to_string(),
        namespace_mappings: NamespaceMappings::new("Acme.Quotes.Native"),
        class: "Interop".to_string(),
        ..Config::default()
    };

    Generator::new(config, quote_native::ffi_inventory())
        .write_file("bindings/csharp/Interop.cs")?;

    Ok(())
}

#[test]
fn inventory_lists_both_functions() {
    let inventory = quote_native::ffi_inventory();
    let names: Vec<String> = inventory
        .functions()
        .iter()
        .map(|f| f.name().to_string())
        .collect();
    assert!(names.contains(&"quote_for".to_string()));
    assert!(names.contains(&"stock_reserve".to_string()));
}
