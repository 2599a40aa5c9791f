import { ExpressAuth, getSession } from "@auth/express";
import express, { type NextFunction, type Request, type Response } from "express";
import { authConfig } from "./auth.js";
import { db, listBookings } from "./db.js";

const app = express();
app.set("trust proxy", true);
app.use(express.json());
app.use("/auth/*", ExpressAuth(authConfig));

async function requireSession(req: Request, res: Response, next: NextFunction) {
  const session = await getSession(req, authConfig);
  if (!session?.user) {
    res.status(401).json({ error: "sign in first" });
    return;
  }
  res.locals.session = session;
  next();
}

app.get("/api/me", requireSession, (_req, res) => {
  res.json(res.locals.session.user);
});

app.get("/api/bookings", requireSession, async (_req, res) => {
  res.json(await listBookings(res.locals.session.user.id));
});

app.post("/api/bookings", requireSession, async (req, res) => {
  const { court, startsAt, endsAt } = req.body;
  const { rows } = await db.query(
    "INSERT INTO bookings (user_id, court, starts_at, ends_at) VALUES ($1, $2, $3, $4) RETURNING id",
    [res.locals.session.user.id, court, startsAt, endsAt],
  );
  res.status(201).json({ id: rows[0].id });
});

app.listen(Number(process.env.PORT ?? 3000), () => console.log("member portal up"));
