import { Pool } from "pg";
import {
  ValidationArguments,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from "class-validator";

const referralPool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: 4,
});

interface CodeRow {
  code: string;
  uses: number;
  max_uses: number | null;
  expires_at: Date | null;
}

@ValidatorConstraint({ name: "isValidReferralCode", async: true })
export class ReferralCodeConstraint implements ValidatorConstraintInterface {
  async validate(code: string | undefined): Promise<boolean> {
    if (code === undefined || code === "") return true;
    if (!/^[A-Z0-9]{6,12}$/.test(code)) return false;
    const { rows } = await referralPool.query<CodeRow>(
      `SELECT code, uses, max_uses, expires_at FROM referral_codes WHERE code = $1`,
      [code],
    );
    const row = rows[0];
    if (!row) return false;
    if (row.expires_at && row.expires_at.getTime() < Date.now()) return false;
    return row.max_uses === null || row.uses < row.max_uses;
  }

  defaultMessage(args: ValidationArguments): string {
    return `${String(args.value)} is not an active referral code`;
  }
}
