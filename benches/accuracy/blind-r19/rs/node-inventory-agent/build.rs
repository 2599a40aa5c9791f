use ttrpc_codegen::{Codegen, Customize};

fn main() {
    Codegen::new()
        .out_dir("src/protocols")
        .inputs(["protos/inventory.proto"])
        .include("protos")
        .rust_protobuf()
        .customize(Customize {
            async_all: true,
            ..Default::default()
        })
        .run()
        .expect("ttrpc codegen failed");
    println!("cargo:rerun-if-changed=protos/inventory.proto");
}
