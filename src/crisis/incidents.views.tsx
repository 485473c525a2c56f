/**
 * The crisis module's home page (active incidents first, then earlier ones, and the way to the module's other parts),
 * the phone-first activation form, and an incident's overview with its forms to record the police's assessment, change
 * the level and stand down. Every form is a plain POST; nothing needs JavaScript.
 */
import type { FieldError } from '../errors/errors.js';
import type { BodyMember } from '../governance/meetings.service.js';
import { danishDateTime } from '../time/copenhagen.js';
import { Alert, Badge, CsrfField, ErrorSummary, Facts, fieldId, RadioGroup, Select, Table, Textarea, TextInput, Timestamp } from '../web/components.js';
import { Layout, type PageContext } from '../web/layout.js';
import { LOG_KINDS } from './crisis-log.js';
import type { DueEvaluation } from './evaluation.service.js';
import type { LogEntry } from './crisis-log.service.js';
import { timeLeft } from './deadlines.js';
import { incidentLabel, incidentPath, type Incident } from './incident.js';
import { IncidentNav } from './incident-nav.js';
import { deadlineText, describePolice, meetingAfterDeadline, SEVERAL_AREAS, SEVERAL_AREAS_LABEL } from './incidents.js';
import { memberLabel, situationLabel, type AreaOption, type IncidentOverview } from './incidents.service.js';
import { ASSESSED_LEVEL_NAMES, LEVEL_DESCRIPTIONS, LEVEL_NAMES, POLICE_FALLBACK_PHONE, SITUATION_TYPES, type CrisisLevel } from './levels.js';

export const CRISIS_PATH = '/beredskab';
export const ACTIVATE_PATH = '/beredskab/aktiver';

/** The level as a badge with its name in words, so that colour is never the only sign. */
export function LevelBadge({ level }: { level: CrisisLevel }) {
  return <Badge text={LEVEL_NAMES[level]} status={level === 'roed' ? 'error' : 'warning'} />;
}

function areaNameOf(areas: readonly AreaOption[], slug: string | null): string {
  return slug === null ? SEVERAL_AREAS_LABEL : (areas.find((a) => a.slug === slug)?.name ?? slug);
}

/** The fixed deadline and, for an active incident whose meeting has not been held, the time left or that it passed. */
function DeadlineText({ incident, now }: { incident: Incident; now: Date }) {
  const counting = incident.status === 'aktiv' && incident.meetingHeldAt === null;
  const left = timeLeft(new Date(incident.deadlineAt), now);
  return (
    <>
      <time dateTime={incident.deadlineAt}>{danishDateTime(incident.deadlineAt)}</time>
      {counting ? (
        <>
          {' '}
          <strong class={left.overdue ? 'helhed-deadline-overdue' : undefined}>({deadlineText(left)})</strong>
        </>
      ) : null}
    </>
  );
}

function statusText(incident: Incident): string {
  return incident.status === 'aktiv' ? 'Aktiv' : `Afmeldt ${incident.stoodDownAt ? danishDateTime(incident.stoodDownAt) : ''}`.trim();
}

/** A link to another part of the module, shown when the reader has the permission the page needs. */
export interface ModuleLink {
  href: string;
  label: string;
  text: string;
}

export function CrisisHomePage(props: {
  ctx: PageContext;
  now: Date;
  active: readonly Incident[];
  earlier: readonly Incident[];
  earlierTotal: number;
  areas: readonly AreaOption[];
  /** Stood-down incidents whose evaluation is undecided or unfinished (evaluation.service.ts). */
  dueEvaluations: readonly DueEvaluation[];
  mayActivate: boolean;
  links: readonly ModuleLink[];
}) {
  return (
    <Layout ctx={props.ctx} title="Beredskab">
      <h1>Boligsocialt beredskab</h1>
      {props.ctx.flash ? <Alert variant="success">{props.ctx.flash}</Alert> : null}
      <p>
        Beredskabsplanen koordinerer politi, kommune og boligorganisationer, når konflikter tilspidses (gult niveau: beredskabet samles inden for 3
        arbejdsdage) eller en akut situation opstår (rødt niveau: inden for 24 timer). Alle beredskabsgruppens medlemmer kan aktivere den.
      </p>
      {props.mayActivate ? (
        <p class="d-print-none">
          <a class="button button-primary helhed-activate-button" href={ACTIVATE_PATH}>
            Aktivér beredskabet
          </a>
        </p>
      ) : null}
      <h2>Aktive hændelser</h2>
      {props.active.length === 0 ? (
        <p>Beredskabet er ikke aktiveret lige nu.</p>
      ) : (
        <ul class="helhed-plain-list helhed-incident-list">
          {props.active.map((i) => (
            <li class="helhed-incident-card">
              <h3>
                <a href={incidentPath(i.id)}>{incidentLabel(i)}</a>: {areaNameOf(props.areas, i.areaSlug)}
              </h3>
              <Facts
                items={[
                  { label: 'Niveau', value: <LevelBadge level={i.level} /> },
                  { label: 'Situation', value: situationLabel(i.situationType) },
                  { label: 'Mødefrist', value: <DeadlineText incident={i} now={props.now} /> },
                  { label: 'Status', value: statusText(i) },
                ]}
              />
            </li>
          ))}
        </ul>
      )}
      {props.dueEvaluations.length > 0 ? (
        <>
          <h2>Evalueringer, der venter</h2>
          <p>Beredskabsplanen: en eventuel evaluering skal foreligge umiddelbart efter, at beredskabet har været aktiveret.</p>
          <ul class="helhed-plain-list">
            {props.dueEvaluations.map((d) => (
              <li>
                <a href={incidentPath(d.incident.id, 'evaluering')}>{incidentLabel(d.incident)}</a>: {situationLabel(d.incident.situationType)},{' '}
                {d.status === 'afventer' ? 'gruppen har ikke besluttet, om indsatsen skal evalueres' : 'evalueringen er ikke afsluttet'}
                {d.overdue ? (
                  <>
                    {' '}
                    <Badge text="Forsinket" status="warning" />
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>Tidligere hændelser</h2>
      {props.earlier.length === 0 ? (
        <p>Der er ingen tidligere hændelser.</p>
      ) : (
        <>
          {props.earlierTotal > props.earlier.length ? (
            <p>
              De {props.earlier.length} seneste af {props.earlierTotal} tidligere hændelser vises.
            </p>
          ) : null}
          <Table
            caption="Tidligere hændelser, de seneste først"
            headers={['Hændelse', 'Område', 'Niveau', 'Situation', 'Aktiveret', 'Status']}
            rows={props.earlier.map((i) => [
              <a href={incidentPath(i.id)}>{incidentLabel(i)}</a>,
              areaNameOf(props.areas, i.areaSlug),
              <LevelBadge level={i.level} />,
              situationLabel(i.situationType),
              <Timestamp iso={i.activatedAt} />,
              statusText(i),
            ])}
            rowHeaders
          />
        </>
      )}
      <h2>Beredskabets øvrige dele</h2>
      <ul class="helhed-plain-list">
        {props.links.map((l) => (
          <li>
            <a href={l.href}>{l.label}</a>: {l.text}
          </li>
        ))}
      </ul>
    </Layout>
  );
}

/** A date and time field in Danish local time, which phones show with their own picker. */
function DateTimeInput(props: { name: string; label: string; value: string; helptext?: string; errors?: readonly FieldError[] | undefined }) {
  const id = fieldId(props.name);
  const error = props.errors?.find((e) => e.field === props.name)?.message;
  const describedBy = [props.helptext ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={`form-group${error ? ' form-error' : ''}`}>
      <label class="form-label" for={id}>
        {props.label}
      </label>
      {props.helptext ? (
        <span class="form-hint" id={`${id}-hint`}>
          {props.helptext}
        </span>
      ) : null}
      {error ? (
        <span class="form-error-message" id={`${id}-error`}>
          <span class="sr-only">Fejl: </span>
          {error}
        </span>
      ) : null}
      <input type="datetime-local" id={id} name={props.name} class="form-input helhed-datetime" value={props.value} aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy || undefined} />
    </div>
  );
}

/** The police consultation's fields, as on the activation form and the form to record a pending assessment. */
export interface PoliceFormValues {
  status: string;
  contact: string;
  contactedAt: string;
  assessedLevel: string;
}

function PoliceFields(props: { values: PoliceFormValues; errors: readonly FieldError[]; allowPending: boolean; legend: string }) {
  const { values, errors } = props;
  return (
    <>
      <RadioGroup
        name="police.status"
        legend={props.legend}
        helptext={
          props.allowPending
            ? 'Kontakt politiets kontaktperson i beredskabsgruppen før aktivering. Ved rødt niveau kan du aktivere, mens vurderingen afventer; ved gult niveau skal kontakten registreres først.'
            : undefined
        }
        value={values.status}
        errors={errors}
        options={[
          { value: 'vurderet', label: 'Politiet har vurderet situationen' },
          { value: 'vagtchef', label: `Politiets kontaktperson kunne ikke nås; vagtchefen er ringet op på ${POLICE_FALLBACK_PHONE}` },
          ...(props.allowPending ? [{ value: 'afventer', label: 'Afventer politiets vurdering', hint: 'Kun ved rødt niveau.' }] : []),
        ]}
      />
      <fieldset class="helhed-police-details mt-5">
        <legend class="h4">Kontakten til politiet{props.allowPending ? ' (springes over, når vurderingen afventer)' : ''}</legend>
        <TextInput name="police.contact" label="Hvem talte du med?" helptext="Navn, fx politikommissæren i beredskabsgruppen, eller vagtchefen på 114." value={values.contact} errors={errors} />
        <DateTimeInput name="police.contactedAt" label="Hvornår?" helptext="Dato og klokkeslæt." value={values.contactedAt} errors={errors} />
        <RadioGroup
          name="police.assessedLevel"
          legend="Hvilket niveau vurderede politiet?"
          value={values.assessedLevel}
          errors={errors}
          options={[
            { value: 'gul', label: ASSESSED_LEVEL_NAMES.gul },
            { value: 'roed', label: ASSESSED_LEVEL_NAMES.roed },
            { value: 'ingen', label: ASSESSED_LEVEL_NAMES.ingen },
            { value: '', label: 'Ingen vurdering endnu', hint: 'Kun når vagtchefen er ringet op uden at give en vurdering.' },
          ]}
        />
      </fieldset>
    </>
  );
}

export interface ActivationFormValues {
  areaSlug: string;
  level: string;
  situationType: string;
  description: string;
  police: PoliceFormValues;
  onBehalfOf: string;
  onBehalfOfName: string;
}

export function ActivatePage(props: {
  ctx: PageContext;
  areas: readonly AreaOption[];
  /** The crisis group to activate on behalf of; only for the secretariat. */
  members: readonly BodyMember[] | null;
  isMember: boolean;
  values: ActivationFormValues;
  errors?: readonly FieldError[];
}) {
  const errors = props.errors ?? [];
  const { values } = props;
  return (
    <Layout ctx={props.ctx} title="Aktivér beredskabet" hasErrors={errors.length > 0}>
      <p class="d-print-none">
        <a class="back-link" href={CRISIS_PATH}>
          Beredskab
        </a>
      </p>
      <h1>Aktivér beredskabet</h1>
      <ErrorSummary errors={errors} />
      <p>
        Når du aktiverer, får hændelsen en fast mødefrist, og chefen for bystrategisk udvikling i Bysekretariatet indkalder beredskabsgruppen. Kan du
        ikke få fat i politiets kontaktperson, så ring til vagtchefen på <a href={`tel:${POLICE_FALLBACK_PHONE}`}>{POLICE_FALLBACK_PHONE}</a>.
      </p>
      {!props.isMember && !props.members ? (
        <Alert variant="info">
          Din bruger er ikke knyttet til et medlem af beredskabsgruppen. Du kan aktivere i eget navn, men bed sekretariatet knytte din bruger til dit
          medlemskab, så hændelsen viser, hvem du er, og så du kan læse oplysninger delt efter § 115, hvis du er fra en myndighed.
        </Alert>
      ) : null}
      <form method="post" action={ACTIVATE_PATH} class="helhed-activate-form" novalidate>
        <CsrfField token={props.ctx.csrf} />
        <RadioGroup
          name="level"
          legend="Beredskabsniveau"
          value={values.level}
          errors={errors}
          options={[
            { value: 'roed', label: LEVEL_NAMES.roed, hint: LEVEL_DESCRIPTIONS.roed },
            { value: 'gul', label: LEVEL_NAMES.gul, hint: LEVEL_DESCRIPTIONS.gul },
          ]}
        />
        <Select
          name="areaSlug"
          label="Område"
          value={values.areaSlug}
          errors={errors}
          options={[{ value: '', label: 'Vælg område' }, ...props.areas.map((a) => ({ value: a.slug, label: a.name })), { value: SEVERAL_AREAS, label: SEVERAL_AREAS_LABEL }]}
        />
        <Select
          name="situationType"
          label="Situation"
          value={values.situationType}
          errors={errors}
          options={[
            { value: '', label: 'Vælg situation' },
            ...SITUATION_TYPES.map((t) => ({ value: t.key, label: t.level ? `${t.label} (${t.level === 'roed' ? 'typisk rødt' : 'typisk gult'})` : `${t.label} (beskriv nedenfor)` })),
          ]}
        />
        <Textarea
          name="description"
          label="Beskrivelse"
          helptext="Hvad er sket, hvor og hvornår. Oplysninger, der deles efter retsplejelovens § 115, skrives ikke her, men i loggen som § 115."
          value={values.description}
          errors={errors}
          rows={4}
        />
        <PoliceFields values={values.police} errors={errors} allowPending legend="Politiets vurdering før aktivering" />
        {props.members ? (
          <fieldset>
            <legend class="h4">På vegne af</legend>
            <Select
              name="onBehalfOf"
              label="Medlem af beredskabsgruppen"
              value={values.onBehalfOf}
              errors={errors}
              optional={props.isMember}
              options={[
                { value: '', label: props.isMember ? 'Mig selv' : 'Vælg medlem, eller skriv en anden part nedenfor' },
                ...props.members.map((m) => ({ value: m.id, label: `${memberLabel(m)}${m.substituteFor ? ' (suppleant)' : ''}` })),
              ]}
            />
            <TextInput name="onBehalfOfName" label="Eller en anden part" helptext="Navn og organisation, fx en vicevært, der har henvendt sig." value={values.onBehalfOfName} optional />
          </fieldset>
        ) : null}
        <button type="submit" class="button button-primary">
          Aktivér beredskabet
        </button>
      </form>
    </Layout>
  );
}

/** Which of the incident page's forms the errors belong to, with its values kept. */
export type IncidentFormState =
  | { form: 'niveau'; values: { level: string; levelReason: string }; errors: FieldError[] }
  | { form: 'politi'; values: PoliceFormValues; errors: FieldError[] }
  | { form: 'afmeld'; values: { standDownReason: string }; errors: FieldError[] };

function LogList({ entries }: { entries: readonly LogEntry[] }) {
  return (
    <ol class="helhed-plain-list helhed-log-latest" reversed>
      {entries.map((e) => (
        <li>
          <p class="mb-0">
            <strong>{LOG_KINDS[e.kind as keyof typeof LOG_KINDS] ?? e.kind}</strong> · <Timestamp iso={e.recordedAt} /> · {e.actorLabel}
            {e.classification === 'paragraf115' ? (
              <>
                {' '}
                <Badge text="§ 115" status="info" />
              </>
            ) : null}
          </p>
          <p class="mt-0 helhed-text">{e.text}</p>
        </li>
      ))}
    </ol>
  );
}

export function IncidentPage(props: { ctx: PageContext; overview: IncidentOverview; mayAct: boolean; state?: IncidentFormState; policeDefault: string }) {
  const { incident, areaName, now } = props.overview;
  const state = props.state;
  const errors = state?.errors ?? [];
  const active = incident.status === 'aktiv';
  const other: CrisisLevel = incident.level === 'roed' ? 'gul' : 'roed';
  const title = `${incidentLabel(incident)}: ${areaName}`;
  const policeValues: PoliceFormValues = state?.form === 'politi' ? state.values : { status: '', contact: '', contactedAt: props.policeDefault, assessedLevel: '' };
  return (
    <Layout ctx={props.ctx} title={title} hasErrors={errors.length > 0}>
      <p class="d-print-none">
        <a class="back-link" href={CRISIS_PATH}>
          Beredskab
        </a>
      </p>
      <h1>{title}</h1>
      <IncidentNav incidentId={incident.id} current="" />
      {props.ctx.flash ? <Alert variant="success">{props.ctx.flash}</Alert> : null}
      <ErrorSummary errors={errors} />
      <Facts
        items={[
          { label: 'Niveau', value: <LevelBadge level={incident.level} /> },
          { label: 'Status', value: statusText(incident) },
          { label: 'Område', value: areaName },
          { label: 'Situation', value: situationLabel(incident.situationType) },
          { label: 'Mødefrist', value: <DeadlineText incident={incident} now={now} /> },
          { label: 'Niveauet sat', value: <Timestamp iso={incident.levelSetAt} /> },
          { label: 'Aktiveret', value: <Timestamp iso={incident.activatedAt} /> },
          { label: 'Aktiveret af', value: incident.activatedByLabel },
          { label: 'På vegne af', value: incident.onBehalfOf },
        ]}
      />
      <h2>Beskrivelse</h2>
      <p class="helhed-text">{incident.description}</p>

      <h2>Møde</h2>
      {incident.meetingHeldAt ? (
        <p>
          Beredskabsmødet blev holdt <Timestamp iso={incident.meetingHeldAt} />.
        </p>
      ) : incident.meetingPlannedAt ? (
        <>
          <p>
            Mødet er planlagt til <time dateTime={incident.meetingPlannedAt}>{danishDateTime(incident.meetingPlannedAt)}</time>
            {incident.meetingLocation ? `, ${incident.meetingLocation}` : ''}.
          </p>
          {meetingAfterDeadline(incident) ? (
            <Alert variant="warning" heading="Mødet ligger efter fristen" announce={false}>
              <p>
                Det planlagte møde ligger efter mødefristen {danishDateTime(incident.deadlineAt)}. Flyt mødet, så beredskabet samles inden for fristen.
              </p>
            </Alert>
          ) : null}
        </>
      ) : (
        <p>
          Der er ikke planlagt et møde endnu. <a href={incidentPath(incident.id, 'indkaldelse')}>Indkaldelse</a>
        </p>
      )}

      <h2>Politiets vurdering</h2>
      <p>{describePolice(incident.police)}</p>
      {active && props.mayAct && incident.police.status !== 'vurderet' ? (
        <form method="post" action={incidentPath(incident.id, 'politi')} class="d-print-none" novalidate>
          <CsrfField token={props.ctx.csrf} />
          <PoliceFields values={policeValues} errors={state?.form === 'politi' ? errors : []} allowPending={false} legend="Registrér politiets vurdering" />
          <button type="submit" class="button button-secondary">
            Gem politiets vurdering
          </button>
        </form>
      ) : null}

      <h2>Seneste i loggen</h2>
      {props.overview.withheld > 0 ? (
        <p>
          {props.overview.withheld} {props.overview.withheld === 1 ? 'indførsel er delt' : 'indførsler er delt'} efter § 115 og vises kun for myndighedernes medlemmer.
        </p>
      ) : null}
      {props.overview.latest.length === 0 ? <p>Ingen indførsler at vise.</p> : <LogList entries={props.overview.latest} />}
      <p>
        <a href={incidentPath(incident.id, 'log')}>Hele loggen</a>
      </p>

      {active && props.mayAct ? (
        <div class="d-print-none">
          <h2>Skift niveau</h2>
          <form method="post" action={incidentPath(incident.id, 'niveau')} novalidate>
            <CsrfField token={props.ctx.csrf} />
            <p>Et nyt niveau får en ny, fast mødefrist regnet fra tidspunktet for skiftet.</p>
            <RadioGroup
              name="level"
              legend="Nyt niveau"
              value={state?.form === 'niveau' ? state.values.level : other}
              errors={state?.form === 'niveau' ? errors : []}
              options={[
                { value: other, label: LEVEL_NAMES[other], hint: LEVEL_DESCRIPTIONS[other] },
                { value: incident.level, label: `${LEVEL_NAMES[incident.level]} (nuværende)` },
              ]}
            />
            <Textarea name="levelReason" label="Begrundelse for skiftet" value={state?.form === 'niveau' ? state.values.levelReason : ''} errors={state?.form === 'niveau' ? errors : []} rows={3} />
            <button type="submit" class="button button-secondary">
              Skift niveau
            </button>
          </form>
          <h2>Afmeld beredskabet</h2>
          <form method="post" action={incidentPath(incident.id, 'afmeld')} novalidate>
            <CsrfField token={props.ctx.csrf} />
            <Textarea
              name="standDownReason"
              label="Begrundelse for afmeldingen"
              helptext="Fx at situationen er faldet til ro, og at de aftalte indsatser er i gang."
              value={state?.form === 'afmeld' ? state.values.standDownReason : ''}
              errors={state?.form === 'afmeld' ? errors : []}
              rows={3}
            />
            <button type="submit" class="button button-secondary">
              Afmeld beredskabet
            </button>
          </form>
        </div>
      ) : null}
      {!active ? (
        <>
          <h2>Afmeldt</h2>
          <p>
            Beredskabet blev afmeldt <Timestamp iso={incident.stoodDownAt} /> af {incident.stoodDownByLabel}. Begrundelse: {incident.standDownReason}
          </p>
          <p>
            <a class="button button-primary" href={incidentPath(incident.id, 'evaluering')}>
              Evaluér indsatsen
            </a>
          </p>
        </>
      ) : null}
    </Layout>
  );
}
