fn main() {
    capnpc::CompilerCommand::new()
        .src_prefix("schema")
        .file("schema/telemetry.capnp")
        .run()
        .expect("compiling telemetry.capnp");
}
