import lume from "lume/mod.ts";
import jsx from "lume/plugins/jsx.ts";
import sitemap from "lume/plugins/sitemap.ts";
import { loadCatalog } from "./_loaders/catalog.ts";

const site = lume({ src: "./src", location: new URL("https://catalog.example.com") });

site.use(jsx());
site.use(sitemap());

// Top-level await: evaluated once when Lume loads the config.
site.data("products", await loadCatalog());

site.filter("price", (cents: number) =>
  new Intl.NumberFormat("en-IE", { style: "currency", currency: "EUR" }).format(cents / 100)
);

export default site;
