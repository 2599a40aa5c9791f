import express from "express";
import session from "express-session";

import passport from "./auth";
import { db } from "./db";
import { MySqlSessionStore } from "./sessionStore";

const app = express();
app.set("trust proxy", 1);
app.use(express.urlencoded({ extended: false }));
app.use(express.json());
app.use(
  session({
    store: new MySqlSessionStore(),
    secret: process.env.SESSION_SECRET ?? "dev-only-secret",
    resave: false,
    saveUninitialized: false,
    cookie: { httpOnly: true, secure: process.env.NODE_ENV === "production", maxAge: 86_400_000 },
  }),
);
app.use(passport.initialize());
app.use(passport.session());

function requireUser(req: express.Request, res: express.Response, next: express.NextFunction) {
  if (req.isAuthenticated()) return next();
  res.status(401).json({ error: "login required" });
}

app.post("/login", passport.authenticate("local", { failureMessage: true }), (req, res) => {
  res.json({ ok: true, user: req.user });
});

app.post("/logout", (req, res, next) => {
  req.logout((err) => (err ? next(err) : res.json({ ok: true })));
});

app.get("/me", requireUser, (req, res) => {
  res.json(req.user);
});

app.get("/me/orders", requireUser, async (req, res, next) => {
  try {
    const [rows] = await db.query(
      "SELECT id, placed_at, total_cents, status FROM orders WHERE user_id = :id ORDER BY placed_at DESC LIMIT 20",
      { id: (req.user as { id: number }).id },
    );
    res.json(rows);
  } catch (err) {
    next(err);
  }
});

const port = Number(process.env.PORT ?? 3000);
app.listen(port, () => console.log(`portal listening on ${port}`));
