import bcrypt from "bcryptjs";
import Redis from "ioredis";
import passport from "passport";
import { Strategy as LocalStrategy } from "passport-local";
import type { RowDataPacket } from "mysql2/promise";

import { db, readReplica, type UserRow } from "./db";

const MAX_ATTEMPTS = 5;

passport.use(
  new LocalStrategy({ usernameField: "email" }, async (email, password, done) => {
    const limiter = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
    try {
      const key = `login-fail:${email.toLowerCase()}`;
      const failures = Number((await limiter.get(key)) ?? 0);
      if (failures >= MAX_ATTEMPTS) {
        return done(null, false, { message: "Too many attempts, try again later." });
      }

      const [rows] = await db.query<(UserRow & RowDataPacket)[]>(
        "SELECT id, email, password_hash, display_name, role FROM users WHERE email = :email",
        { email },
      );
      const user = rows[0];
      if (!user || !(await bcrypt.compare(password, user.password_hash))) {
        await limiter.multi().incr(key).expire(key, 900).exec();
        return done(null, false, { message: "Invalid email or password." });
      }

      await limiter.del(key);
      return done(null, { id: user.id, email: user.email, role: user.role });
    } catch (err) {
      return done(err);
    } finally {
      await limiter.quit();
    }
  }),
);

passport.serializeUser((user: Express.User, done) => {
  done(null, (user as { id: number }).id);
});

passport.deserializeUser(async (id: number, done) => {
  try {
    const replica = readReplica();
    const [rows] = await replica.query<(UserRow & RowDataPacket)[]>(
      "SELECT id, email, display_name, role FROM users WHERE id = ?",
      [id],
    );
    done(null, rows[0] ?? false);
  } catch (err) {
    done(err);
  }
});

export default passport;
