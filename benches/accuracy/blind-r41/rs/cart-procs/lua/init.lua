box.cfg { listen = 3301 }

box.once('cart-schema-v1', function()
    local items = box.schema.space.create('cart_items')
    items:format({ { 'cart_id', 'unsigned' }, { 'sku', 'string' }, { 'qty', 'unsigned' }, { 'unit_cents', 'unsigned' } })
    items:create_index('primary', { parts = { 'cart_id', 'sku' } })
end)

for _, fn in ipairs({ 'add_item', 'checkout' }) do
    box.schema.func.create('cart_procs.' .. fn, { language = 'C', if_not_exists = true })
    box.schema.user.grant('cart_api', 'execute', 'function', 'cart_procs.' .. fn, { if_not_exists = true })
end
