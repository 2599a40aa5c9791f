module.exports = function (grunt) {
  grunt.initConfig({
    seed: {
      options: { file: "fixtures/warehouse.json" },
    },
    "export-skus": {
      options: { out: "build/skus.csv" },
    },
  });

  grunt.loadTasks("tasks");
  grunt.registerTask("default", ["seed"]);
};
