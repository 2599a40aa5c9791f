import lume from "lume/mod.ts";
import date from "lume/plugins/date.ts";
import toc from "lume/plugins/toc.ts";
import searchIndex from "./plugins/search_index.ts";

const site = lume({
  src: "./src",
  location: new URL("https://docs.example.com/"),
});

site.use(date());
site.use(toc());
site.use(searchIndex({
  databaseUrl: Deno.env.get("SEARCH_DATABASE_URL") ?? "postgres://docs@localhost:5432/docs",
  redisUrl: Deno.env.get("PREVIEW_REDIS_URL") ?? "redis://localhost:6379",
}));

site.copy("assets");

export default site;
