"use strict";

const { Client } = require("pg");
const { stringify } = require("csv-stringify/sync");

module.exports = function (grunt) {
  grunt.registerTask("export-skus", "Write the SKU list to CSV", function () {
    const done = this.async();
    const { out } = this.options({ out: "build/skus.csv" });

    const client = new Client({ connectionString: process.env.DATABASE_URL });
    client
      .connect()
      .then(() => client.query("SELECT sku, SUM(qty) AS total FROM stock GROUP BY sku ORDER BY sku"))
      .then(({ rows }) => {
        grunt.file.write(out, stringify(rows, { header: true }));
        grunt.log.ok(`${rows.length} SKUs -> ${out}`);
      })
      .catch((err) => {
        grunt.log.error(err.message);
        return false;
      })
      .then((ok) => client.end().then(() => done(ok !== false)));
  });
};
