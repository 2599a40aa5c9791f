use std::process::Command;

// Regenerates src/catalog.rs (gitignored) from the IDL shared with the PHP storefront.
fn main() {
    let status = Command::new("thrift")
        .args(["--gen", "rs", "-out", "src", "thrift/catalog.thrift"])
        .status()
        .expect("thrift compiler not found");
    assert!(status.success(), "thrift codegen failed");
    println!("cargo:rerun-if-changed=thrift/catalog.thrift");
}
