# frozen_string_literal: true

require "rutie"

# Loaded once per Puma worker; PricingNative.quote is called from
# CartsController#show and CheckoutController#create on every request.
Rutie.new(:pricing_native, lib_path: "../target/release").init("Init_pricing_native", __dir__)
