/**
 * E-mail over SMTP with nodemailer, configured by HELHED_SMTP_URL and HELHED_MAIL_FROM (src/config.ts). Without an
 * SMTP address the mailer is "not configured": it sends nothing and says why, so that a page can tell the
 * secretariat plainly instead of failing.
 */
import nodemailer, { type Transporter } from 'nodemailer';

/** One plain-text message. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** An iCalendar invitation (RFC 5545/6047), sent as the message's calendar part and as `invitation.ics`. */
  calendar?: { method: 'REQUEST' | 'CANCEL'; content: string };
}

/** What became of one message. `ikke sendt` when no SMTP server is configured. */
export type MailOutcome = { status: 'sendt' } | { status: 'fejlet'; error: string } | { status: 'ikke sendt'; error: string };

export interface Mailer {
  /** Whether an SMTP server is configured. */
  readonly configured: boolean;
  /** Sends one message; never throws: a failure is an outcome with the server's reason. */
  send(message: MailMessage): Promise<MailOutcome>;
  close(): void;
}

/** The reason recorded (and shown) for a message not sent because no SMTP server is set up. */
export const NOT_CONFIGURED = 'SMTP er ikke sat op';

/** A server that does not answer within this long is given up on, so a request's page does not hang for minutes. */
const TIMEOUT_MS = 15_000;

/** A mailer for the configuration: SMTP when `smtpUrl` is given, otherwise one that sends nothing. */
export function createMailer(config: { smtpUrl: string | undefined; from: string }): Mailer {
  if (!config.smtpUrl) {
    return { configured: false, send: async () => ({ status: 'ikke sendt', error: NOT_CONFIGURED }), close: () => {} };
  }
  const url = config.smtpUrl;
  let transport: Transporter | null = null;
  return {
    configured: true,
    async send(message) {
      transport ??= nodemailer.createTransport({ url, connectionTimeout: TIMEOUT_MS, greetingTimeout: TIMEOUT_MS, socketTimeout: TIMEOUT_MS });
      try {
        await transport.sendMail({
          from: config.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          ...(message.calendar ? { icalEvent: { method: message.calendar.method, filename: 'invitation.ics', content: message.calendar.content } } : {}),
        });
        return { status: 'sendt' };
      } catch (error) {
        return { status: 'fejlet', error: describeFailure(error) };
      }
    },
    close() {
      transport?.close();
      transport = null;
    },
  };
}

/** The server's or the network's reason in one line, without the address's password. */
function describeFailure(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\/\/[^@\s/]*@/g, '//…@').replace(/\s+/g, ' ').slice(0, 500);
}
