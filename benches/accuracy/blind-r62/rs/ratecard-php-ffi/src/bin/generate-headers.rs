fn main() -> std::io::Result<()> {
    ratecard::generate_headers()
}
