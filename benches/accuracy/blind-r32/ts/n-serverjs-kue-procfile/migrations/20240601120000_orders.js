exports.up = async (knex) => {
  await knex.schema.createTable('orders', (t) => {
    t.increments('id');
    t.string('customer_email').notNullable();
    t.text('photo_url').notNullable();
    t.string('size').notNullable();
    t.string('state').notNullable();
    t.timestamp('rendered_at');
    t.timestamps(true, true);
  });
  await knex.schema.createTable('print_files', (t) => {
    t.increments('id');
    t.integer('order_id').references('orders.id');
    t.integer('bytes');
    t.binary('data');
  });
};

exports.down = async (knex) => {
  await knex.schema.dropTable('print_files');
  await knex.schema.dropTable('orders');
};
