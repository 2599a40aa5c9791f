import express from "express";
import { smartapp } from "./smartapp";

const app = express();
app.use(express.json({ limit: "1mb" }));

app.get("/healthz", (_req, res) => {
  res.send("ok");
});

app.post("/smartapp", (req, res) => {
  smartapp.handleHttpCallback(req, res);
});

const port = Number(process.env.PORT ?? 3005);
app.listen(port, () => {
  console.log(`SmartApp webhook listening on :${port}`);
});
