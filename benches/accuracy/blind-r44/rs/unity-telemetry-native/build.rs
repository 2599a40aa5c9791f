fn main() {
    csbindgen::Builder::default()
        .input_extern_file("src/lib.rs")
        .csharp_dll_name("vantage_telemetry")
        .csharp_namespace("Vantage.Native")
        .csharp_class_name("TelemetryNative")
        .generate_csharp_file("../unity/Assets/Plugins/Telemetry/TelemetryNative.g.cs")
        .unwrap();
}
