export interface Rule {
  name: string;
  pattern: RegExp;
  action: "remove" | "report";
}

export const rules: Rule[] = [
  { name: "referral-links", pattern: /\b(?:ref=|referral|promo code)\b/i, action: "remove" },
  { name: "shortened-urls", pattern: /https?:\/\/(?:bit\.ly|tinyurl\.com|t\.co)\//i, action: "remove" },
  { name: "personal-info", pattern: /\b\d{3}[-.\s]\d{3}[-.\s]\d{4}\b/, action: "report" },
];

export function firstMatch(body: string): Rule | undefined {
  return rules.find((r) => r.pattern.test(body));
}
