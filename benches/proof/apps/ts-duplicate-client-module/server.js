// An Express app whose users and reports routes each hold a pool of 10 to one database.
import express from "express";
import { report } from "./routes/reports.js";
import { user } from "./routes/users.js";

const app = express();
app.get("/users/:id", user);
app.get("/reports/:id", report);
app.listen(Number(process.env.PORT), "127.0.0.1");
