export default {
  title: "Operations weekly",
  pages: [
    {name: "Orders", path: "/orders"},
    {name: "Carriers", path: "/carriers"}
  ],
  root: "src",
  theme: "air"
};
