import type { FieldError } from '../errors/errors.js';
import { Alert, Badge, CsrfField, DateText, ErrorSummary, Facts, PostButton, RadioGroup, Table, Textarea, TextInput, Timestamp } from '../web/components.js';
import { Layout, type PageContext } from '../web/layout.js';
import { STATUS_LABELS, SUBJECT_LABELS, type ProposalStatus } from './change-policy.js';
import type { FieldChange } from './diff.js';
import type { DecisionForm } from './plan-forms.js';
import { fieldPathLabel, fieldValueLabel, itemNamesOf } from './plan.labels.js';
import type { ChangeProposal, ElementVersion } from './plan.service.js';

/** A plan element as the proposal and history pages name it. */
export interface ElementRef {
  title: string;
  kindLabel: string;
  url: string;
  version: number;
}

const STATUS_BADGE: Record<ProposalStatus, 'info' | 'success' | 'warning' | 'error' | undefined> = {
  afventer_bestyrelse: 'warning',
  afventer_lbf: 'warning',
  vedtaget: 'success',
  afvist: 'error',
  trukket_tilbage: undefined,
};

export function StatusBadge({ status }: { status: ProposalStatus }) {
  const variant = STATUS_BADGE[status];
  return <Badge text={STATUS_LABELS[status]} {...(variant ? { status: variant } : {})} />;
}

const SUBJECT_SHORT: Record<ChangeProposal['subject'], string> = {
  'sub-agreement': 'Delaftale',
  'strategic-agreement': 'Strategisk aftale',
  commissorium: 'Kommissorium',
};

export function ProposalsPage({ ctx, rows }: { ctx: PageContext; rows: { proposal: ChangeProposal; element: ElementRef | null }[] }) {
  const pending = rows.filter((r) => r.proposal.status === 'afventer_bestyrelse' || r.proposal.status === 'afventer_lbf').length;
  return (
    <Layout ctx={ctx} title="Ændringsforslag">
      <p class="d-print-none">
        <a class="back-link" href="/planen">
          Planen
        </a>
      </p>
      <h1>Ændringsforslag</h1>
      <p class="font-lead">
        Ændringer af en delaftale kræver konsensus i bestyrelsen; ændringer af den strategiske aftale og kommissoriet kræver desuden Landsbyggefondens godkendelse. Indtil da er
        planen uændret.
      </p>
      <p>{pending === 0 ? 'Ingen forslag venter på en beslutning.' : `${pending} ${pending === 1 ? 'forslag venter' : 'forslag venter'} på en beslutning.`}</p>
      <Table
        caption="Alle ændringsforslag, nyeste først"
        headers={['Forslag', 'Ændrer', 'Hvad', 'Status', 'Stillet']}
        rowHeaders
        rows={rows.map(({ proposal: p, element }) => [
          <a href={`/planen/forslag/${p.id}`}>{p.reason}</a>,
          element ? (
            <>
              {element.kindLabel}: <a href={element.url}>{element.title}</a>
            </>
          ) : (
            'Elementet findes ikke længere'
          ),
          SUBJECT_SHORT[p.subject],
          <StatusBadge status={p.status} />,
          <>
            <Timestamp iso={p.createdAt} /> af {p.createdBy}
          </>,
        ])}
        emptyText="Der er ingen ændringsforslag."
      />
    </Layout>
  );
}

/** A change's before and after, field by field, with codes in words. */
export function ChangesTable({ caption, changes, itemNames }: { caption: string; changes: readonly FieldChange[]; itemNames: ReadonlyMap<string, string> }) {
  return (
    <Table
      caption={caption}
      headers={['Felt', 'Før', 'Efter']}
      rowHeaders
      rows={changes.map((c) => [fieldPathLabel(c.path, itemNames), <span class="helhed-value">{fieldValueLabel(c.path, c.before)}</span>, <span class="helhed-value">{fieldValueLabel(c.path, c.after)}</span>])}
      emptyText="Ingen forskel på forslaget og det, det sammenlignes med."
    />
  );
}

export interface ProposalPageProps {
  ctx: PageContext;
  proposal: ChangeProposal;
  element: ElementRef;
  changes: FieldChange[];
  /** Names of the list items the changes concern (see itemNamesOf). */
  itemNames: ReadonlyMap<string, string>;
  /** What the changes are compared with, in words ("den gældende version 2"). */
  comparedWith: string;
  can: { board: boolean; lbf: boolean; withdraw: boolean };
  form?: { which: 'board' | 'lbf'; values: DecisionForm; errors: FieldError[] };
}

function Decision({ decision }: { decision: ChangeProposal['board'] }) {
  if (!decision) return <p>Ikke truffet endnu.</p>;
  return (
    <Facts
      items={[
        { label: 'Dato for beslutningen', value: <DateText iso={decision.decisionDate} /> },
        { label: 'Henvisning', value: decision.note },
        {
          label: 'Registreret',
          value: (
            <>
              <Timestamp iso={decision.decidedAt} /> af {decision.by}
            </>
          ),
        },
      ]}
    />
  );
}

export function ProposalPage(props: ProposalPageProps) {
  const p = props.proposal;
  const errors = props.form?.errors ?? [];
  const pending = p.status === 'afventer_bestyrelse' || p.status === 'afventer_lbf';
  const formValues = (which: 'board' | 'lbf'): DecisionForm => (props.form?.which === which ? props.form.values : { answer: '', decisionDate: '', note: '' });
  const formErrors = (which: 'board' | 'lbf') => (props.form?.which === which ? errors : []);
  const title = `Ændringsforslag: ${props.element.title}`;
  return (
    <Layout ctx={props.ctx} title={title} hasErrors={errors.length > 0}>
      <p class="d-print-none">
        <a class="back-link" href="/planen/forslag">
          Alle ændringsforslag
        </a>
      </p>
      <p class="helhed-kicker">Ændringsforslag</p>
      <h1>{props.element.title}</h1>
      <ErrorSummary errors={errors} />
      <p>
        <StatusBadge status={p.status} />
      </p>
      <Facts
        items={[
          {
            label: 'Ændrer',
            value: (
              <>
                {props.element.kindLabel}: <a href={props.element.url}>{props.element.title}</a>
              </>
            ),
          },
          { label: 'Hvad', value: SUBJECT_LABELS[p.subject] },
          { label: 'Begrundelse', value: p.reason },
          {
            label: 'Stillet',
            value: (
              <>
                <Timestamp iso={p.createdAt} /> af {p.createdBy}
              </>
            ),
          },
          { label: 'Stillet til', value: `version ${p.baseVersion}` },
          { label: 'Indført som', value: p.appliedVersion ? <a href={`/planen/historik/${p.elementId}`}>version {p.appliedVersion}</a> : null },
        ]}
      />
      {pending && props.element.version !== p.baseVersion ? (
        <Alert variant="warning" announce={false} heading="Elementet er ændret siden forslaget blev stillet">
          <p>
            Forslaget blev stillet til version {p.baseVersion}, og elementet er nu i version {props.element.version}. Vedtages forslaget, lægges de foreslåede felter oven på den
            gældende version. Se <a href={`/planen/historik/${p.elementId}`}>historikken</a>.
          </p>
        </Alert>
      ) : null}

      <h2>Ændringer</h2>
      <p>Sammenlignet med {props.comparedWith}.</p>
      <ChangesTable caption="Før og efter" changes={props.changes} itemNames={props.itemNames} />

      <h2>Beslutninger</h2>
      <h3>Bestyrelsen</h3>
      <Decision decision={p.board} />
      {p.requiresLbf ? (
        <>
          <h3>Landsbyggefonden</h3>
          <Decision decision={p.lbf} />
        </>
      ) : null}

      {props.can.board && p.status === 'afventer_bestyrelse' ? (
        <section class="d-print-none">
          <h2>Registrér bestyrelsens beslutning</h2>
          <DecisionFormFields
            action={`/planen/forslag/${p.id}/bestyrelse`}
            csrf={props.ctx.csrf}
            name="consensus"
            legend="Nåede bestyrelsen konsensus?"
            yes={p.requiresLbf ? 'Ja – forslaget går videre til Landsbyggefonden' : 'Ja – ændringen træder i kraft'}
            no="Nej – forslaget afvises"
            values={formValues('board')}
            errors={formErrors('board')}
            submit="Registrér bestyrelsens beslutning"
          />
        </section>
      ) : null}
      {props.can.lbf && p.status === 'afventer_lbf' ? (
        <section class="d-print-none">
          <h2>Registrér Landsbyggefondens afgørelse</h2>
          <DecisionFormFields
            action={`/planen/forslag/${p.id}/lbf`}
            csrf={props.ctx.csrf}
            name="approved"
            legend="Godkendte Landsbyggefonden ændringen?"
            yes="Ja – ændringen træder i kraft"
            no="Nej – forslaget afvises"
            values={formValues('lbf')}
            errors={formErrors('lbf')}
            submit="Registrér Landsbyggefondens afgørelse"
          />
        </section>
      ) : null}
      {props.can.withdraw && pending ? (
        <section class="d-print-none">
          <h2>Træk forslaget tilbage</h2>
          <p>Et forslag, der ikke længere er aktuelt, kan trækkes tilbage, indtil det er afgjort.</p>
          <PostButton action={`/planen/forslag/${p.id}/traek-tilbage`} csrf={props.ctx.csrf} label="Træk forslaget tilbage" secondary />
        </section>
      ) : null}
    </Layout>
  );
}

function DecisionFormFields(props: {
  action: string;
  csrf: string;
  name: 'consensus' | 'approved';
  legend: string;
  yes: string;
  no: string;
  values: DecisionForm;
  errors: FieldError[];
  submit: string;
}) {
  return (
    <form method="post" action={props.action} novalidate>
      <CsrfField token={props.csrf} />
      <RadioGroup
        name={props.name}
        legend={props.legend}
        options={[
          { value: 'ja', label: props.yes },
          { value: 'nej', label: props.no },
        ]}
        value={props.values.answer}
        errors={props.errors}
      />
      <TextInput name="decisionDate" label="Dato for beslutningen" type="date" value={props.values.decisionDate} errors={props.errors} width="s" helptext="Mødedatoen, som ÅÅÅÅ-MM-DD." />
      <Textarea name="note" label="Henvisning" value={props.values.note} errors={props.errors} rows={3} helptext="Fx mødet og punktet i referatet." />
      <button type="submit" class="button button-primary">
        {props.submit}
      </button>
    </form>
  );
}

export function HistoryPage({ ctx, element, versions, table }: { ctx: PageContext; element: ElementRef; versions: ElementVersion[]; table: { path: string; values: (string | null)[]; changedAt: boolean[] }[] }) {
  const itemNames = itemNamesOf(...[...versions].reverse().map((v) => v.data));
  const cell = (path: string, value: string | null, changed: boolean) => {
    const text = <span class="helhed-value">{fieldValueLabel(path, value)}</span>;
    return changed ? (
      <>
        <span class="sr-only">Ændret: </span>
        <mark>{text}</mark>
      </>
    ) : (
      text
    );
  };
  return (
    <Layout ctx={ctx} title={`Versioner af ${element.title}`}>
      <p class="d-print-none">
        <a class="back-link" href={element.url}>
          {element.title}
        </a>
      </p>
      <p class="helhed-kicker">{element.kindLabel}</p>
      <h1>Versioner af {element.title}</h1>
      <p class="font-lead">
        {versions.length === 1
          ? 'Der er kun én version: den, der blev indlæst fra planens tekst.'
          : `${versions.length} versioner side om side. Felter, der er ændret fra den forrige version, er markeret.`}
      </p>
      <Table
        caption={`Versioner af ${element.title}`}
        headers={['Felt', ...versions.map((v) => `Version ${v.version}`)]}
        rowHeaders
        compact
        tableClass={`helhed-history${versions.length > 3 ? ' helhed-history-wide' : ''}`}
        rows={[
          ['Tidspunkt', ...versions.map((v) => <Timestamp iso={v.createdAt} />)],
          ['Hvem', ...versions.map((v) => v.createdBy)],
          ['Begrundelse', ...versions.map((v) => v.reason)],
          ['Ændringsforslag', ...versions.map((v) => (v.proposalId ? <a href={`/planen/forslag/${v.proposalId}`}>Se forslaget</a> : '–'))],
          ...table.map((row) => [fieldPathLabel(row.path, itemNames), ...row.values.map((value, i) => cell(row.path, value, row.changedAt[i] === true))]),
        ]}
      />
      {versions.length > 1 && table.length === 0 ? <p>Versionerne har samme indhold.</p> : null}
    </Layout>
  );
}
