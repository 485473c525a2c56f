/**
 * The data-delivery pages: the secretariat's page of a meeting's requests (ask, follow, remind), a partner's list of
 * requests, and the page an organisation delivers on, activity by activity.
 */
import type { FieldError } from '../errors/errors.js';
import { NOT_CONFIGURED } from '../mail/mailer.js';
import type { SentMail } from '../mail/mail.service.js';
import { Alert, Badge, Checkboxes, CsrfField, DateText, ErrorSummary, Facts, Paragraphs, PostButton, Table, Textarea, TextInput, Timestamp, formatNumber } from '../web/components.js';
import { Layout, type PageContext } from '../web/layout.js';
import { danishDate, DEFAULT_DEADLINE_WORKING_DAYS, NARRATIVE_MAX_LENGTH, type DeliveryFigures, type DeliveryStatus } from './deliveries.js';
import type { DeliveryActivity, DeliveryDetail, DeliveryOverview, DeliveryRequestView, RequestListEntry } from './deliveries.service.js';

const STATUS_BADGE: Record<DeliveryStatus, 'info' | 'success' | 'warning' | 'error'> = {
  afventer: 'info',
  leveret: 'success',
  'leveret for sent': 'warning',
  overskredet: 'error',
};

export function StatusBadge({ status }: { status: DeliveryStatus }) {
  return <Badge text={status} status={STATUS_BADGE[status]} />;
}

const hours = (n: number | null) => (n === null ? '–' : formatNumber(Math.round(n * 10) / 10));

/** What became of a message, as the secretariat reads it: «sendt», «fejlet: …» or «ikke sendt: SMTP er ikke sat op». */
export function mailStatusText(m: Pick<SentMail, 'status' | 'error'>): string {
  return m.error ? `${m.status}: ${m.error}` : m.status;
}

function MailLog({ mails }: { mails: readonly SentMail[] }) {
  if (mails.length === 0) return <span>ingen</span>;
  return (
    <ul class="nobullet-list">
      {mails.slice(0, 4).map((m) => (
        <li>
          {m.purpose === 'delivery-reminder' ? 'Påmindelse' : 'Anmodning'} til {m.recipient}: {mailStatusText(m)} (<Timestamp iso={m.sentAt} />)
        </li>
      ))}
      {mails.length > 4 ? <li>og {mails.length - 4} ældre</li> : null}
    </ul>
  );
}

/** The figures of an activity: hours, outputs against targets, milestones. */
export function FiguresTables({ figures, name }: { figures: DeliveryFigures; name: string }) {
  return (
    <>
      <Table
        caption={`Medarbejdertimer, ${name}, planår ${figures.planYear}`}
        headers={['Organisation (planen)', 'Aftalt pr. år', 'Forventet indtil nu', 'Leveret', 'Status']}
        rows={figures.hours.map((h) => [h.organisation, hours(h.agreedPerYear), hours(h.expectedByNow), hours(h.delivered), h.status])}
        emptyText="Planen aftaler ingen timer med organisationen for aktiviteten."
        rowHeaders
        numeric={[1, 2, 3]}
        compact
      />
      <Table
        caption={`Resultater mod målene, ${name}, planår ${figures.planYear}`}
        headers={['Mål', 'Planens mål', 'Leveret', 'Status']}
        rows={figures.outputs.map((o) => [o.measure, o.printed, o.delivered, o.text ?? o.status])}
        emptyText="Planen sætter ingen tal-mål for aktiviteten."
        rowHeaders
        compact
      />
      <Table
        caption={`Milepæle, ${name}`}
        headers={['Milepæl', 'Frist', 'Ansvarlig', 'Status']}
        rows={figures.milestones.map((m) => [m.title, <DateText iso={m.dueDate} />, m.owner, m.flag ? `${m.status} (${m.flag})` : m.status])}
        emptyText="Ingen milepæle for aktiviteten."
        rowHeaders
        compact
      />
    </>
  );
}

export interface RequestFormValues {
  organisationIds: string[];
  deadline: string;
}

export function MeetingDeliveriesPage(props: { ctx: PageContext; overview: DeliveryOverview; values?: RequestFormValues; errors?: readonly FieldError[] }) {
  const { overview: o } = props;
  const errors = props.errors ?? [];
  const outstanding = o.requests.filter((r) => r.status === 'afventer' || r.status === 'overskredet');
  const delivered = o.requests.filter((r) => r.deliveredAt !== null);
  const checked = props.values?.organisationIds ?? o.organisations.filter((c) => c.requested || (o.requests.length === 0 && c.suggested)).map((c) => c.id);
  return (
    <Layout ctx={props.ctx} title={`Leverancer til ${o.label}`} hasErrors={errors.length > 0}>
      <p class="d-print-none">
        <a class="back-link" href={`/styring/moeder/${o.meeting.id}`}>
          {o.label}
        </a>
      </p>
      <ErrorSummary errors={errors} />
      <h1>Leverancer til {o.label}</h1>
      <p>
        Styregruppens medlemmer leverer hver især data til fremdriftsafrapporteringen før møderne: timer, resultater mod målene, status på milepæle og en kort
        beskrivelse pr. aktivitet. Her ses, hvem der er bedt om en leverance, hvem der har afleveret, og hvem der skal mindes.
      </p>
      {o.mailConfigured ? null : (
        <Alert variant="warning" announce={false} heading="E-mail er ikke sat op">
          Helhed har ingen SMTP-server (HELHED_SMTP_URL), så anmodninger og påmindelser gemmes, men sendes ikke: de står som «ikke sendt: {NOT_CONFIGURED}». Giv
          organisationerne besked på anden vis, eller bed en administrator sætte e-mail op.
        </Alert>
      )}
      <h2>Status pr. organisation</h2>
      <Table
        caption={`Anmodninger om leverance til ${o.label}`}
        headers={['Organisation', 'Frist', 'Status', 'Påmindelser', 'E-mails', 'Handling']}
        rows={o.requests.map((r) => [
          <a href={`/styring/leverancer/${r.id}`}>{r.organisationName}</a>,
          <DateText iso={r.deadline} />,
          <StatusBadge status={r.status} />,
          r.reminderCount === 0 ? 'ingen' : (
            <>
              {r.reminderCount}, senest <Timestamp iso={r.lastRemindedAt} />
            </>
          ),
          <MailLog mails={o.mails.get(r.id) ?? []} />,
          r.deliveredAt === null ? (
            <PostButton
              action={`/styring/moeder/${o.meeting.id}/leverancer/paamindelser`}
              csrf={props.ctx.csrf}
              label={`Send påmindelse til ${r.organisationName}`}
              secondary
              hidden={{ organisationIds: r.organisationId }}
            />
          ) : (
            <PostButton action={`/styring/leverancer/${r.id}/genaabn`} csrf={props.ctx.csrf} label={`Genåbn ${r.organisationName}s leverance`} secondary />
          ),
        ])}
        emptyText="Ingen organisationer er bedt om en leverance til mødet endnu."
        rowHeaders
        numeric={[3]}
      />
      {outstanding.length > 0 ? (
        <div class="d-print-none">
          <PostButton action={`/styring/moeder/${o.meeting.id}/leverancer/paamindelser`} csrf={props.ctx.csrf} label={`Send påmindelse til alle, der ikke har afleveret (${outstanding.length})`} />
        </div>
      ) : null}

      <h2>Afleverede leverancer</h2>
      {delivered.length === 0 ? <p>Ingen organisation har afleveret endnu.</p> : delivered.map((r) => <DeliveredRequest request={r} />)}

      <h2 class="d-print-none">Bed om leverancer</h2>
      {o.closedReason ? (
        <Alert variant="info" announce={false} heading="Der kan ikke bedes om leverancer">
          {o.closedReason}
        </Alert>
      ) : (
        <form method="post" action={`/styring/moeder/${o.meeting.id}/leverancer`} class="d-print-none" novalidate>
          <CsrfField token={props.ctx.csrf} />
          <p>
            Hver organisations partnerbrugere får en e-mail med fristen og et link. En organisation, der allerede er bedt, får den nye frist; der oprettes ikke en
            anmodning mere.
          </p>
          <Checkboxes
            name="organisationIds"
            legend="Organisationer"
            errors={errors}
            checked={checked}
            options={o.organisations.map((c) => ({
              value: c.id,
              label: c.name,
              hint: `${c.partners === 0 ? 'ingen partnerbrugere (får ingen e-mail)' : c.partners === 1 ? '1 partnerbruger' : `${c.partners} partnerbrugere`}${c.requested ? ', er bedt om leverance' : ''}`,
            }))}
          />
          <TextInput
            name="deadline"
            type="date"
            label="Frist"
            width="s"
            value={props.values?.deadline ?? o.requests[0]?.deadline ?? o.defaultDeadline}
            errors={errors}
            helptext={`Før mødet ${danishDate(o.meeting.date)}. Forslaget er ${DEFAULT_DEADLINE_WORKING_DAYS} arbejdsdage før mødet.`}
          />
          <button type="submit" class="button button-primary">
            Send anmodninger
          </button>
        </form>
      )}
    </Layout>
  );
}

function DeliveredRequest({ request: r }: { request: DeliveryRequestView }) {
  return (
    <section>
      <h3>{r.organisationName}</h3>
      <p>
        Afleveret <Timestamp iso={r.deliveredAt} /> af {r.deliveredByLabel} <StatusBadge status={r.status} />
      </p>
      {r.items.map((i) => (
        <>
          <h4>{i.activityName}</h4>
          {i.narrative ? <Paragraphs text={i.narrative} /> : <p>Ingen beskrivelse.</p>}
          {i.figures ? <FiguresTables figures={i.figures} name={`${r.organisationName}: ${i.activityName}`} /> : null}
        </>
      ))}
    </section>
  );
}

export function RequestListPage({ ctx, requests, manager }: { ctx: PageContext; requests: readonly RequestListEntry[]; manager: boolean }) {
  return (
    <Layout ctx={ctx} title="Leverancer til styregruppen">
      <h1>Leverancer til styregruppen</h1>
      <p>
        {manager
          ? 'Alle anmodninger, der endnu ikke er afleveret, med den tidligste frist først. Anmodninger sendes fra det enkelte styregruppemødes side.'
          : 'Før hvert styregruppemøde beder sekretariatet din organisation om status for jeres aktiviteter: timer, resultater, milepæle og en kort beskrivelse.'}
      </p>
      <Table
        caption={manager ? 'Anmodninger, der ikke er afleveret' : 'Din organisations anmodninger'}
        headers={['Møde', 'Organisation', 'Frist', 'Status']}
        rows={requests.map((r) => [<a href={`/styring/leverancer/${r.id}`}>{r.meetingLabel}</a>, r.organisationName, <DateText iso={r.deadline} />, <StatusBadge status={r.status} />])}
        emptyText={manager ? 'Alle anmodninger er afleveret.' : 'Din organisation er ikke bedt om nogen leverance.'}
        rowHeaders
      />
    </Layout>
  );
}

const MILESTONE_STATUSES = ['ikke startet', 'i gang', 'færdig', 'udgået'] as const;

export function DeliveryPage(props: { ctx: PageContext; detail: DeliveryDetail; values?: Record<string, string>; errors?: readonly FieldError[] }) {
  const { detail: d } = props;
  const r = d.request;
  const errors = props.errors ?? [];
  const back = props.ctx.principal?.roles.some((x) => x === 'sekretariat' || x === 'administrator') ? `/styring/moeder/${d.meeting.id}/leverancer` : '/styring/leverancer';
  return (
    <Layout ctx={props.ctx} title={`Leverance fra ${r.organisationName}`} hasErrors={errors.length > 0}>
      <p class="d-print-none">
        <a class="back-link" href={back}>
          Leverancer
        </a>
      </p>
      <ErrorSummary errors={errors} />
      <h1>
        Leverance fra {r.organisationName} til {d.label}
      </h1>
      <Facts
        items={[
          { label: 'Frist', value: <DateText iso={r.deadline} /> },
          { label: 'Status', value: <StatusBadge status={r.status} /> },
          { label: 'Afleveret', value: r.deliveredAt ? <>
                <Timestamp iso={r.deliveredAt} /> af {r.deliveredByLabel}
              </> : null },
          { label: 'Påmindelser', value: r.reminderCount > 0 ? String(r.reminderCount) : null },
        ]}
      />
      {r.deliveredAt ? (
        <Alert variant="success" announce={false}>
          Leverancen er afleveret, og tallene er gemt, som de stod ved afleveringen. {d.mayReopen ? 'Genåbn den, hvis organisationen skal rette noget.' : 'Skal noget rettes, så bed sekretariatet genåbne den.'}
        </Alert>
      ) : (
        <p>
          Skriv en kort beskrivelse for hver aktivitet, og gem. Tallene nedenfor hentes fra Helhed; er de forkerte, så ret dem under{' '}
          <a href="/timer/indberet">Indberet timer</a> og <a href="/resultater">Resultater</a>, før du afleverer. Når du afleverer, gemmes tallene, som de står.
          {r.status === 'overskredet' ? ' Fristen er overskredet, men du kan stadig aflevere; leverancen markeres som leveret for sent.' : ''}
        </p>
      )}
      {d.activities.map((a) => (
        <ActivitySection ctx={props.ctx} detail={d} activity={a} value={props.values?.[a.slug]} errors={errors} />
      ))}
      {d.mayEdit ? (
        <section class="d-print-none">
          <h2>Aflever</h2>
          <p>Når leverancen er afleveret, kan den ikke ændres, før sekretariatet genåbner den.</p>
          <PostButton action={`/styring/leverancer/${r.id}/aflever`} csrf={props.ctx.csrf} label="Aflever" />
        </section>
      ) : null}
      {d.mayReopen ? (
        <p class="d-print-none">
          <PostButton action={`/styring/leverancer/${r.id}/genaabn`} csrf={props.ctx.csrf} label="Genåbn leverancen" secondary />
        </p>
      ) : null}
    </Layout>
  );
}

function ActivitySection(props: { ctx: PageContext; detail: DeliveryDetail; activity: DeliveryActivity; value: string | undefined; errors: readonly FieldError[] }) {
  const { activity: a, detail: d } = props;
  const field = a.slug === '' ? 'narrative' : `narrative-${a.slug}`;
  return (
    <section>
      <h2>{a.name}</h2>
      <FiguresTables figures={a.figures} name={a.name} />
      {d.mayEdit && a.milestones.length > 0 && !a.maySetMilestones ? (
        <p class="d-print-none">Milepælenes status sættes af dem, der arbejder i aktiviteten, eller af sekretariatet under Milepæle.</p>
      ) : null}
      {d.mayEdit && a.milestones.length > 0 && a.maySetMilestones ? (
        <details class="d-print-none">
          <summary>Sæt status på milepæle</summary>
          {a.milestones.map((m) => (
            <form method="post" action={`/styring/leverancer/${d.request.id}/milepaele/${m.id}`} novalidate>
              <CsrfField token={props.ctx.csrf} />
              <fieldset>
                <legend class="form-label">{m.title}</legend>
                <div class="form-group">
                  <label class="form-label" for={`status-${m.id}`}>
                    Status
                  </label>
                  <select class="form-select" id={`status-${m.id}`} name="status">
                    {MILESTONE_STATUSES.map((s) => (
                      <option value={s} selected={s === m.status}>
                        {s}
                      </option>
                    ))}
                  </select>
                </div>
                <div class="form-group">
                  <label class="form-label" for={`completed-${m.id}`}>
                    Færdig den (kun når status er færdig)
                  </label>
                  <input class="form-input input-width-s" type="date" id={`completed-${m.id}`} name="completedOn" value={m.completedOn ?? ''} />
                </div>
                <button type="submit" class="button button-secondary">
                  Gem status for {m.title}
                </button>
              </fieldset>
            </form>
          ))}
        </details>
      ) : null}
      {d.mayEdit ? (
        <form method="post" action={`/styring/leverancer/${d.request.id}/aktiviteter/${a.slug === '' ? '-' : a.slug}`} class="d-print-none" novalidate>
          <CsrfField token={props.ctx.csrf} />
          <Textarea
            name={field}
            label={`Beskrivelse af ${a.name}`}
            optional
            rows={6}
            value={props.value ?? a.item?.narrative ?? ''}
            errors={props.errors}
            helptext={`Hvordan det går, hvad der driller, og hvad I gør ved det. Højst ${NARRATIVE_MAX_LENGTH.toLocaleString('da-DK')} tegn.`}
          />
          <button type="submit" class="button button-secondary">
            Gem beskrivelsen af {a.name}
          </button>
          {a.item ? (
            <p class="form-hint">
              Senest gemt <Timestamp iso={a.item.updatedAt} /> af {a.item.updatedByLabel}.
            </p>
          ) : null}
        </form>
      ) : (
        <>
          <h3>Beskrivelse</h3>
          {a.item?.narrative ? <Paragraphs text={a.item.narrative} /> : <p>Ingen beskrivelse.</p>}
        </>
      )}
    </section>
  );
}
