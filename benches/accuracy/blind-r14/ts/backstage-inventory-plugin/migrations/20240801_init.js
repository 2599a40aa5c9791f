exports.up = async function up(knex) {
  await knex.schema.createTable('hosts', (table) => {
    table.string('hostname').primary();
    table.string('owner').notNullable();
    table.string('os');
    table.jsonb('facts');
    table.timestamp('facts_updated_at');
  });
  await knex.schema.createTable('host_audit', (table) => {
    table.increments('id');
    table.string('hostname').notNullable();
    table.string('action').notNullable();
    table.string('actor').notNullable();
    table.timestamp('at').defaultTo(knex.fn.now());
  });
};

exports.down = async function down(knex) {
  await knex.schema.dropTable('host_audit');
  await knex.schema.dropTable('hosts');
};
