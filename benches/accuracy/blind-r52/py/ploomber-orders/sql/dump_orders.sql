SELECT * FROM {{upstream['clean_orders']}}
