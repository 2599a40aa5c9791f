import "reflect-metadata";
import http from "node:http";
import bcrypt from "bcryptjs";
import { plainToInstance } from "class-transformer";
import { IsOptional, IsString, Length, Validate, validate } from "class-validator";
import { IsEmailAvailable } from "./validators/email-available";
import { ReferralCodeConstraint } from "./validators/referral-code";
import { insertAccount, pool, recordSignupEvent } from "./db";

class SignupDto {
  @IsString()
  @IsEmailAvailable()
  email!: string;

  @IsString()
  @Length(10, 128)
  password!: string;

  @IsString()
  @Length(2, 40)
  displayName!: string;

  @IsOptional()
  @Validate(ReferralCodeConstraint)
  referralCode?: string;
}

function readJson(req: http.IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      try {
        resolve(JSON.parse(body || "{}"));
      } catch (err) {
        reject(err);
      }
    });
  });
}

const server = http.createServer(async (req, res) => {
  if (req.method !== "POST" || req.url !== "/signup") {
    res.writeHead(404).end();
    return;
  }
  try {
    const dto = plainToInstance(SignupDto, await readJson(req));
    const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length > 0) {
      res.writeHead(422, { "content-type": "application/json" });
      res.end(JSON.stringify(errors.map((e) => ({ field: e.property, problems: e.constraints }))));
      return;
    }
    const passwordHash = await bcrypt.hash(dto.password, 12);
    const id = await insertAccount({ ...dto, passwordHash });
    await recordSignupEvent(id, String(req.headers["x-signup-source"] ?? "web"));
    res.writeHead(201, { "content-type": "application/json" }).end(JSON.stringify({ id }));
  } catch (err) {
    console.error("[signup]", err);
    res.writeHead(500).end();
  }
});

server.listen(Number(process.env.PORT ?? 4000));
process.on("SIGTERM", () => server.close(() => void pool.end()));
