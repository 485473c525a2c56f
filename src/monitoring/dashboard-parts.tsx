/** Pieces the monitoring pages share: a status as a word and a shape, a value as the viewer may see it, the status rules. */
import { Alert } from '../web/components.js';
import { AWAITING_EXPLANATION, type ShownValue } from './dashboard.present.js';
import { STATUS_LABELS, STATUS_RULES_DESCRIPTION, type Status } from './status.js';

// Status: a word, a glyph and a shape ---------------------------------------------------------------------------------

const STATUS_CLASS: Record<Status, string> = { bedre: 'bedre', uændret: 'uaendret', dårligere: 'daarligere', ukendt: 'ukendt' };
const STATUS_SHAPE: Record<Status, string> = { bedre: 'grøn cirkel med plus', uændret: 'grå firkant med lighedstegn', dårligere: 'rød rombe med minus', ukendt: 'hvid stiplet cirkel med spørgsmålstegn' };

/**
 * A status as a word after a shape with a glyph. The shape and glyph are drawn by the stylesheet (helhed.css, with
 * empty alternative text, so that a screen reader reads the word only): the board has thousands of them, and markup
 * for each shape would double its size.
 */
export function StatusChip({ status }: { status: Status }) {
  return <span class={`helhed-status helhed-status-${STATUS_CLASS[status]}`}>{STATUS_LABELS[status]}</span>;
}

/** How status is computed, and what the shapes and the hidden values mean. */
export function StatusRulesBox({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  return (
    <Alert variant="info" heading="Sådan beregnes status" headingLevel={headingLevel}>
      <p>{STATUS_RULES_DESCRIPTION}</p>
      <ul class="nobullet-list helhed-status-legend">
        {(['bedre', 'uændret', 'dårligere', 'ukendt'] as const).map((s) => (
          <li>
            <StatusChip status={s} /> <span class="helhed-cell-meta-inline">({STATUS_SHAPE[s]})</span>
          </li>
        ))}
      </ul>
      <p>
        Små tal vises ikke: «&lt;5» står for et antal fra 1 til 4, «–» for en værdi, hvis tæller eller nævner er under 5, eller som ellers kunne regnes ud fra totalen.
        Status vises da heller ikke. En værdi, som datakontrollen har markeret, vises først, når monitoreringsenheden har forklaret den; indtil da står der «{AWAITING_EXPLANATION}».
      </p>
    </Alert>
  );
}

// Values ------------------------------------------------------------------------------------------------------------

/** A value as the viewer may see it, with what a hidden one means for a screen reader. */
export function ValueText({ value }: { value: ShownValue }) {
  switch (value.kind) {
    case 'value':
      return (
        <>
          <strong class="helhed-nowrap">{value.text}</strong>
          {value.hiddenForOthers ? <span class="helhed-cell-meta-inline"> (andre ser «{value.hiddenForOthers}»)</span> : null}
        </>
      );
    case 'hidden':
      return (
        <strong class="helhed-nowrap">
          {value.text}
          <span class="sr-only"> (skjult: {value.why})</span>
        </strong>
      );
    case 'awaiting':
      return <>Afventer forklaring fra monitoreringsenheden</>;
    case 'none':
      return <>Ingen måling</>;
  }
}

