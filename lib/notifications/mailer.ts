import "server-only";
import { env } from "@/lib/env";
import nodemailer, { type Transporter } from "nodemailer";

let transport: Transporter | undefined;

/** SMTP from SMTP_URL (e.g. smtp://user:pass@smtp.example.com:587). */
export function mailTransport(): Transporter {
  transport ??= nodemailer.createTransport(env().SMTP_URL!);
  return transport;
}

export function mailFrom(): string {
  return env().MAIL_FROM;
}
