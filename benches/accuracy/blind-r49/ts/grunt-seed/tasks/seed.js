"use strict";

const { Client } = require("pg");

module.exports = function (grunt) {
  grunt.registerTask("seed", "Load warehouse fixtures into the dev database", function () {
    const done = this.async();
    const opts = this.options({ file: "fixtures/warehouse.json" });
    const fixtures = grunt.file.readJSON(opts.file);

    const client = new Client({ connectionString: process.env.DATABASE_URL });

    (async () => {
      await client.connect();
      try {
        await client.query("BEGIN");
        await client.query("TRUNCATE branch, stock RESTART IDENTITY CASCADE");
        for (const b of fixtures.branches) {
          await client.query("INSERT INTO branch (id, name) VALUES ($1, $2)", [b.id, b.name]);
          for (const s of b.stock) {
            await client.query(
              "INSERT INTO stock (branch_id, sku, qty) VALUES ($1, $2, $3)",
              [b.id, s.sku, s.qty],
            );
          }
        }
        await client.query("COMMIT");
        grunt.log.ok(`seeded ${fixtures.branches.length} branches`);
      } catch (err) {
        await client.query("ROLLBACK");
        throw err;
      } finally {
        await client.end();
      }
    })().then(() => done(), (err) => {
      grunt.log.error(err.message);
      done(false);
    });
  });
};
