/**
 * Sending e-mail and keeping a record of it. Every message is recorded in `sent_mails` with what it was for and what
 * became of it (sendt, fejlet with the server's reason, or ikke sendt when no SMTP server is configured), so the
 * secretariat can see who was asked and when. Messages are sent outside any database transaction: an SMTP server
 * may take seconds to answer, and a transaction held open meanwhile would block every other writer on SQLite.
 */
import type { Actor } from '../audit/audit.service.js';
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import { newId, nowIso } from '../db/ids.js';
import type { SentMailRow } from '../governance/governance.table.js';
import { createMailer, type MailMessage, type MailOutcome, type Mailer } from './mailer.js';
import { insertSentMails, sentMailsFor } from './sent-mails.repository.js';

/** What a message was for: `delivery-request`, `delivery-reminder`, … */
export type MailPurpose = string;

export interface OutgoingMail extends MailMessage {
  purpose: MailPurpose;
  /** The row the message is about (a delivery request …). */
  relatedId: string | null;
}

export interface SentMail {
  id: string;
  purpose: string;
  relatedId: string | null;
  recipient: string;
  subject: string;
  status: MailOutcome['status'];
  error: string | null;
  sentAt: string;
  sentByLabel: string;
}

export class MailService {
  constructor(
    private readonly database: Db,
    readonly mailer: Mailer,
    private readonly clock: () => Date,
  ) {}

  get configured(): boolean {
    return this.mailer.configured;
  }

  /**
   * Sends the messages one by one and records each with its outcome; one failure does not stop the rest. Call it
   * after the transaction that made the messages necessary has committed.
   */
  async send(planId: string, actor: Actor, messages: readonly OutgoingMail[]): Promise<SentMail[]> {
    const rows: SentMailRow[] = [];
    for (const message of messages) {
      const outcome = await this.mailer.send(message);
      rows.push({
        id: newId(),
        plan_id: planId,
        purpose: message.purpose,
        related_id: message.relatedId,
        recipient: message.to,
        subject: message.subject,
        status: outcome.status,
        error: 'error' in outcome ? outcome.error : null,
        sent_at: nowIso(this.clock),
        sent_by_label: actor.label,
      });
    }
    await insertSentMails(this.database.db, rows);
    return rows.map(toSentMail);
  }

  /** The messages recorded about some rows, newest first. */
  async recorded(planId: string, relatedIds: readonly string[]): Promise<SentMail[]> {
    return (await sentMailsFor(this.database.db, planId, relatedIds)).map(toSentMail);
  }
}

function toSentMail(row: SentMailRow): SentMail {
  return {
    id: row.id,
    purpose: row.purpose,
    relatedId: row.related_id,
    recipient: row.recipient,
    subject: row.subject,
    status: row.status as MailOutcome['status'],
    error: row.error,
    sentAt: row.sent_at,
    sentByLabel: row.sent_by_label,
  };
}

const services = new WeakMap<object, MailService>();

/** One MailService (and SMTP connection) per app, made from its configuration. */
export function mailServiceFor(app: { database: Db; config: Pick<Config, 'mail'>; clock: () => Date }): MailService {
  let service = services.get(app);
  if (!service) {
    service = new MailService(app.database, createMailer(app.config.mail), app.clock);
    services.set(app, service);
  }
  return service;
}
