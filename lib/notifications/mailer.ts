import "server-only";
import nodemailer, { type Transporter } from "nodemailer";

let transport: Transporter | undefined;

/** SMTP from SMTP_URL (e.g. smtp://user:pass@smtp.example.com:587). */
export function mailTransport(): Transporter {
  transport ??= nodemailer.createTransport(process.env.SMTP_URL!);
  return transport;
}

export function mailFrom(): string {
  return process.env.MAIL_FROM ?? "Backline clinic <no-reply@backline.example>";
}
