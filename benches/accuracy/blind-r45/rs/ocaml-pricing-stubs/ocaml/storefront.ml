(* Dream storefront: the pricing externals below are implemented in Rust
   (src/lib.rs) and run inside every request handler. *)
external pricing_init : string -> unit = "pricing_init"
external price_quote : string -> int -> string = "price_quote"
external price_history : string -> string = "price_history"

let () =
  pricing_init (Sys.getenv "DATABASE_URL");
  Dream.run ~port:8080
  @@ Dream.logger
  @@ Dream.router [
    Dream.get "/quote/:sku/:qty" (fun req ->
      let sku = Dream.param req "sku" and qty = int_of_string (Dream.param req "qty") in
      Dream.json (price_quote sku qty));
    Dream.get "/history/:sku" (fun req ->
      Dream.json (price_history (Dream.param req "sku")));
  ]
