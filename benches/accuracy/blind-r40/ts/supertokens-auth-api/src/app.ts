import express from "express";
import cors from "cors";
import supertokens from "supertokens-node";
import { middleware, errorHandler, type SessionRequest } from "supertokens-node/framework/express";
import { verifySession } from "supertokens-node/recipe/session/framework/express";
import { initSupertokens } from "./supertokens.js";
import { getProfile } from "./db/profiles.js";
import { listMemberships } from "./org/membership.js";

initSupertokens();

const app = express();
app.use(
  cors({
    origin: process.env.WEBSITE_DOMAIN ?? "http://localhost:3000",
    allowedHeaders: ["content-type", ...supertokens.getAllCORSHeaders()],
    credentials: true,
  }),
);
app.use(middleware());

app.get("/me", verifySession(), async (req: SessionRequest, res) => {
  const userId = req.session!.getUserId();
  const [profile, orgs] = await Promise.all([getProfile(userId), listMemberships(userId)]);
  res.json({ profile, orgs });
});

app.use(errorHandler());

app.listen(Number(process.env.PORT ?? 4000), () => console.log("auth api up"));
