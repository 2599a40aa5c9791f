@app
arc-orders

@aws
runtime nodejs20.x
region eu-west-1
timeout 15

@http
get /orders/:id
post /orders

@events
order-placed

@scheduled
nightly-rollup cron(15 2 * * ? *)
