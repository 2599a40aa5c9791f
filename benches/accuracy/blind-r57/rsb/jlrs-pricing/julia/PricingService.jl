module PricingService

using Oxygen
using HTTP

# Native functions from the Rust cdylib (target/release/libpricing_jl.so).
module Native
    using JlrsCore.Wrap
    @wrapmodule(joinpath(@__DIR__, "..", "target", "release", "libpricing_jl"), :pricing_jl_init)
    function __init__()
        @initjlrs
    end
end

qparam(req, name, default) = parse(Int, get(queryparams(req), name, string(default)))

@get "/quote/{sku}" function (req::HTTP.Request, sku::Int)
    qty = qparam(req, "qty", 1)
    customer = qparam(req, "customer", 0)
    cents = Native.quote_cents(sku, qty, customer)
    cents < 0 && return HTTP.Response(502, "pricing backend error")
    return Dict("sku" => sku, "qty" => qty, "total_cents" => cents)
end

@post "/orders/{order_id}/reserve" function (req::HTTP.Request, order_id::Int)
    body = json(req)
    ok = Native.reserve(body["sku"], body["qty"], order_id)
    ok < 0 && return HTTP.Response(502, "stock backend error")
    ok == 0 && return HTTP.Response(409, "out of stock")
    return Dict("order_id" => order_id, "reserved" => true)
end

@post "/orders/{order_id}/confirm" function (req::HTTP.Request, order_id::Int)
    body = json(req)
    entry = Native.post_ledger(order_id, body["total_cents"])
    entry < 0 && return HTTP.Response(502, "ledger backend error")
    return Dict("order_id" => order_id, "ledger_entry" => entry)
end

function main()
    serve(host = "0.0.0.0", port = parse(Int, get(ENV, "PORT", "8080")))
end

end # module
