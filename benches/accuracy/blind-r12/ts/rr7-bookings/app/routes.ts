import { type RouteConfig, index, route } from "@react-router/dev/routes";

export default [
  index("routes/home.tsx"),
  route("bookings/:id", "routes/bookings.$id.tsx"),
] satisfies RouteConfig;
