import nodemailer from 'nodemailer';

export const transporter = nodemailer.createTransport({
  host: process.env.SMTP_HOST,
  port: 587,
  secure: false,
  pool: true,
  maxConnections: 2,
  auth: { user: process.env.SMTP_USER, pass: process.env.SMTP_PASS },
});
