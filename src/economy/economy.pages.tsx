import { createReadStream, createWriteStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import multipart from '@fastify/multipart';
import ExcelJS from 'exceljs';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppServices } from '../app.js';
import { allows, type Permission } from '../auth/permissions.js';
import { actorOf, planOf } from '../auth/request-actor.js';
import { newId } from '../db/ids.js';
import { ValidationError, type FieldError } from '../errors/errors.js';
import { formText } from '../web/form.js';
import { pageContext, seeOther, sendPage } from '../web/page.js';
import { planYearOf } from '../activities/output-targets.js';
import { formatAmountInput, parseKroner, parseMonth } from './economy.js';
import { economyServiceFor, type FundingInput } from './economy.service.js';
import { ACTUAL_COLUMNS } from './import/actual-rows.js';
import { ActualsImportPage, ActualsPage, BudgetPage, EconomyPage, FundingPage, type ActualFormValues, type BudgetFormValues, type FundingFormValues } from './economy.views.js';

/** The largest file of actuals accepted: a line a month for the whole period is a few kilobytes. */
export const ACTUALS_IMPORT_LIMIT_BYTES = 5 * 1024 * 1024;

/** Empty rows a grid offers for new lines; more come after saving. */
const EMPTY_ROWS = 3;
/** More rows than any form of ours offers: a bigger `rows` field is not read further. */
const MAX_ROWS = 300;

const page = { schema: { hide: true } } as const;
const access = (permission: Permission) => ({ config: { access: permission }, ...page });
const query = (request: FastifyRequest) => request.query as { aar?: string; gemt?: string };

/** A service's field name as the form's: `lines[2].amount` → `lines-2-amount`, `grant.amount` → `grant-amount`. */
export function formField(field: string): string {
  if (field === 'lines') return 'lines-0-line';
  if (field === 'year') return 'aar';
  return field.replace(/\[(\d+)\]\./g, '-$1-').replace(/\./g, '-');
}

/** An amount field read as øre; an unreadable one becomes NaN for the service to refuse, and its message is kept. */
function amountOf(text: string, field: string, parseErrors: FieldError[], negative = false): number {
  const parsed = parseKroner(text, { negative });
  if (typeof parsed === 'number') return parsed;
  parseErrors.push({ field, message: parsed.error });
  return Number.NaN;
}

/** The service's errors with the form's names, an amount's own parse message in place of the service's general one. */
function merge(serviceErrors: readonly FieldError[], parseErrors: readonly FieldError[], prefix = (f: string) => f): FieldError[] {
  const parsed = new Map(parseErrors.map((e) => [e.field, e]));
  const merged = serviceErrors.map((e) => {
    const field = formField(e.field);
    const own = parsed.get(field);
    return own ? { field, message: prefix(field) + own.message } : { field, message: e.message };
  });
  for (const e of parseErrors) if (!merged.some((m) => m.field === e.field)) merged.push({ field: e.field, message: prefix(e.field) + e.message });
  return merged;
}

/**
 * The economy's pages: `/oekonomi` (the board's follow-up, economy.read), and for governance.manage the funding
 * (`/oekonomi/finansiering`), a year's budget (`/oekonomi/budget`), a month's actual (`/oekonomi/forbrug`) and the
 * import of actuals (`/oekonomi/forbrug/import`). Forms answer 303 when saved, or the same page with every problem.
 */
export function economyPages(services: AppServices): FastifyPluginAsync {
  const economy = economyServiceFor(services);
  return async (app) => {
    await app.register(multipart, { limits: { fileSize: ACTUALS_IMPORT_LIMIT_BYTES, files: 1, fields: 4, parts: 5 } });

    app.get('/oekonomi', access('economy.read'), async (request, reply) => {
      const followUp = await economy.followUp(planOf(request).id, query(request).aar);
      const canManage = allows('governance.manage', true, request.principal?.roles ?? []);
      return sendPage(reply, <EconomyPage ctx={pageContext(request, reply)} followUp={followUp} canManage={canManage} saved={query(request).gemt} />);
    });

    // Funding: LBF's grant and the co-financing parties.
    const renderFunding = async (request: FastifyRequest, reply: FastifyReply, values?: FundingFormValues, errors: FieldError[] = [], status = 200) => {
      let shown = values;
      if (!shown) {
        const funding = await economy.funding(planOf(request).id);
        const grant = funding.find((f) => f.isLbfGrant);
        shown = {
          grant: { amount: grant ? formatAmountInput(grant.amountOre) : '', reference: grant?.reference ?? '', committedOn: grant?.committedOn ?? '', note: grant?.note ?? '' },
          cofinancing: funding
            .filter((f) => !f.isLbfGrant)
            .map((f) => ({ funder: f.funder, amount: formatAmountInput(f.amountOre), reference: f.reference ?? '', committedOn: f.committedOn ?? '', note: f.note ?? '' })),
        };
      }
      const empty = { funder: '', amount: '', reference: '', committedOn: '', note: '' };
      const padded = { ...shown, cofinancing: [...shown.cofinancing, ...Array.from({ length: values ? 0 : EMPTY_ROWS }, () => empty)] };
      return sendPage(reply, <FundingPage ctx={pageContext(request, reply)} values={padded} errors={errors} />, status);
    };

    app.get('/oekonomi/finansiering', access('governance.manage'), (request, reply) => renderFunding(request, reply));

    app.post('/oekonomi/finansiering', access('governance.manage'), async (request, reply) => {
      const body = request.body;
      const text = (name: string) => formText(body, name).trim();
      const values: FundingFormValues = {
        grant: { amount: text('grant-amount'), reference: text('grant-reference'), committedOn: text('grant-committedOn'), note: text('grant-note') },
        cofinancing: [],
      };
      const rows = Math.min(MAX_ROWS, Number.parseInt(formText(body, 'rows'), 10) || 0);
      for (let i = 0; i < rows; i++) {
        const row = { funder: text(`cofinancing-${i}-funder`), amount: text(`cofinancing-${i}-amount`), reference: text(`cofinancing-${i}-reference`), committedOn: text(`cofinancing-${i}-committedOn`), note: text(`cofinancing-${i}-note`) };
        values.cofinancing.push(row);
      }
      const parseErrors: FieldError[] = [];
      const filled = values.cofinancing.map((c, i) => ({ c, i })).filter(({ c }) => Object.values(c).some((v) => v !== ''));
      const input: FundingInput = {
        grant: values.grant.amount === '' && values.grant.reference === '' ? null : {
          amountOre: amountOf(values.grant.amount, 'grant-amount', parseErrors),
          reference: values.grant.reference || null,
          committedOn: values.grant.committedOn || null,
          note: values.grant.note || null,
        },
        cofinancing: filled.map(({ c, i }) => ({
          funder: c.funder,
          amountOre: amountOf(c.amount, `cofinancing-${i}-amount`, parseErrors),
          reference: c.reference || null,
          committedOn: c.committedOn || null,
          note: c.note || null,
        })),
      };
      // The service numbers the rows it was given; the form's rows keep their numbers, empty ones left out.
      const rowOf = (field: string) => field.replace(/^cofinancing-(\d+)-/, (_, n: string) => `cofinancing-${filled[Number(n)]?.i ?? n}-`);
      try {
        await economy.saveFunding(actorOf(request), planOf(request).id, input);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const serviceErrors = error.fields.map((e) => ({ field: rowOf(formField(e.field)), message: e.message }));
        return renderFunding(request, reply, values, merge(serviceErrors, parseErrors), 400);
      }
      return seeOther(reply, '/oekonomi?gemt=finansiering');
    });

    // A plan year's budget, all lines at once.
    const renderBudget = async (request: FastifyRequest, reply: FastifyReply, yearLabel: string | undefined, values?: BudgetFormValues, errors: FieldError[] = [], status = 200) => {
      const planId = planOf(request).id;
      const { year, lines } = await economy.budget(planId, yearLabel);
      const [period, areas] = await Promise.all([economy.period(planId), economy.interventionAreas(planId)]);
      const shown = values ?? { lines: lines.map((l) => ({ line: l.line, area: l.interventionAreaSlug, amount: formatAmountInput(l.amountOre) })) };
      const padded = { lines: [...shown.lines, ...Array.from({ length: values ? 0 : EMPTY_ROWS }, () => ({ line: '', area: '', amount: '' }))] };
      const years = period.years.some((y) => y.label === year.label) ? period.years : [...period.years, year];
      return sendPage(reply, <BudgetPage ctx={pageContext(request, reply)} year={year} years={years} areas={areas} values={padded} errors={errors} />, status);
    };

    app.get('/oekonomi/budget', access('governance.manage'), (request, reply) => renderBudget(request, reply, query(request).aar));

    app.post('/oekonomi/budget', access('governance.manage'), async (request, reply) => {
      const yearLabel = query(request).aar;
      const body = request.body;
      const rows = Math.min(MAX_ROWS, Number.parseInt(formText(body, 'rows'), 10) || 0);
      const values: BudgetFormValues = {
        lines: Array.from({ length: rows }, (_, i) => ({
          line: formText(body, `lines-${i}-line`).trim(),
          area: formText(body, `lines-${i}-interventionAreaSlug`).trim(),
          amount: formText(body, `lines-${i}-amount`).trim(),
        })),
      };
      const filled = values.lines.map((l, i) => ({ l, i })).filter(({ l }) => l.line !== '' || l.amount !== '');
      const parseErrors: FieldError[] = [];
      const input = filled.map(({ l, i }) => ({ line: l.line, interventionAreaSlug: l.area, amountOre: amountOf(l.amount, `lines-${i}-amount`, parseErrors) }));
      const rowOf = (field: string) => field.replace(/^lines-(\d+)-/, (_, n: string) => `lines-${filled[Number(n)]?.i ?? n}-`);
      try {
        const { year } = await economy.saveBudget(actorOf(request), planOf(request).id, yearLabel ?? '', input);
        return seeOther(reply, `/oekonomi?aar=${encodeURIComponent(year.label)}&gemt=budget`);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const serviceErrors = error.fields.map((e) => ({ field: e.field === 'lines' ? 'lines-0-line' : rowOf(formField(e.field)), message: e.message }));
        const prefix = (field: string) => `Linje ${Number(/^lines-(\d+)-/.exec(field)?.[1] ?? 0) + 1}: `;
        return renderBudget(request, reply, yearLabel, values, merge(serviceErrors, parseErrors, prefix), 400);
      }
    });

    // A month's actual on a line.
    const renderActuals = async (request: FastifyRequest, reply: FastifyReply, yearLabel: string | undefined, form: { values?: ActualFormValues; errors?: FieldError[] } = {}, status = 200) => {
      const planId = planOf(request).id;
      const [{ year, actuals }, period] = await Promise.all([economy.actuals(planId, yearLabel), economy.period(planId)]);
      const [{ lines }, months] = await Promise.all([economy.budget(planId, year.label), economy.enterableMonths(planId, year)]);
      const years = period.years.some((y) => y.label === year.label) ? period.years : [...period.years, year];
      return sendPage(
        reply,
        <ActualsPage ctx={pageContext(request, reply)} year={year} years={years} lines={lines.map((l) => l.line)} months={months} actuals={actuals} saved={query(request).gemt} {...form} />,
        status,
      );
    };

    app.get('/oekonomi/forbrug', access('governance.manage'), (request, reply) => renderActuals(request, reply, query(request).aar));

    app.post('/oekonomi/forbrug', access('governance.manage'), async (request, reply) => {
      const yearLabel = query(request).aar;
      const values: ActualFormValues = {
        line: formText(request.body, 'line'),
        month: formText(request.body, 'month').trim(),
        amount: formText(request.body, 'amount').trim(),
        note: formText(request.body, 'note').trim(),
      };
      const parseErrors: FieldError[] = [];
      const amountOre = amountOf(values.amount, 'amount', parseErrors, true);
      try {
        const { changed } = await economy.saveActual(actorOf(request), planOf(request).id, { line: values.line, month: values.month, amountOre, note: values.note || null });
        // Back to the plan year of the month just entered, which the form may have been opened for another year than.
        const year = planYearOf(`${parseMonth(values.month)}-01`).label;
        return seeOther(reply, `/oekonomi/forbrug?aar=${encodeURIComponent(year)}&gemt=${changed ? 'forbrug' : 'uaendret'}`);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return renderActuals(request, reply, yearLabel, { values, errors: merge(error.fields, parseErrors) }, 400);
      }
    });

    // The import of actuals.
    const maxMegabytes = ACTUALS_IMPORT_LIMIT_BYTES / 1024 / 1024;
    app.get('/oekonomi/forbrug/import', access('governance.manage'), (request, reply) => {
      // After an import, its counts come back in the address of the redirect; only whole numbers are read from it.
      const q = request.query as { raekker?: string; gemt?: string; uaendret?: string };
      const count = (v: string | undefined) => (v !== undefined && /^\d{1,7}$/.test(v) ? Number(v) : null);
      const [rows, imported, unchanged] = [count(q.raekker), count(q.gemt), count(q.uaendret)];
      const result = rows !== null && imported !== null && unchanged !== null ? { rows, imported, unchanged } : undefined;
      return sendPage(reply, <ActualsImportPage ctx={pageContext(request, reply)} maxMegabytes={maxMegabytes} result={result} />);
    });

    app.post('/oekonomi/forbrug/import', access('governance.manage'), async (request, reply) => {
      const ctx = () => pageContext(request, reply);
      const file = request.isMultipart() ? await request.file() : undefined;
      if (!file || !file.filename) {
        file?.file.resume();
        return sendPage(reply, <ActualsImportPage ctx={ctx()} maxMegabytes={maxMegabytes} errors={[{ field: 'fil', message: 'Vælg en fil at importere.' }]} />, 400);
      }
      // The upload is kept whole first: a file cut off at the size limit must not import half.
      const path = join(tmpdir(), `helhed-forbrug-${newId()}`);
      try {
        await pipeline(file.file, createWriteStream(path, { mode: 0o600 }));
        if (file.file.truncated) {
          return sendPage(reply, <ActualsImportPage ctx={ctx()} maxMegabytes={maxMegabytes} errors={[{ field: 'fil', message: `Filen er for stor. Den må højst være ${maxMegabytes} MB.` }]} />, 413);
        }
        const outcome = await economy.importActuals(actorOf(request), planOf(request).id, createReadStream(path), { fileName: file.filename, contentType: file.mimetype });
        if (outcome.status === 'rejected') {
          return sendPage(reply, <ActualsImportPage ctx={ctx()} maxMegabytes={maxMegabytes} problems={outcome.problems} problemCount={outcome.problemCount} />, 400);
        }
        return seeOther(reply, `/oekonomi/forbrug/import?raekker=${outcome.rows}&gemt=${outcome.imported}&uaendret=${outcome.unchanged}`);
      } finally {
        await unlink(path).catch(() => undefined);
      }
    });

    app.get('/oekonomi/forbrug/skabelon.xlsx', access('governance.manage'), async (_request, reply) => {
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet('Forbrug');
      sheet.addRow([...ACTUAL_COLUMNS]).font = { bold: true };
      sheet.columns = ACTUAL_COLUMNS.map((c) => ({ width: c === 'linje' ? 40 : c === 'note' ? 30 : 14 }));
      const notes = book.addWorksheet('Vejledning');
      for (const line of [
        'Udfyld arket Forbrug: én række pr. budgetlinje og måned.',
        'linje: budgetlinjens navn, som det står i budgettet for månedens planår.',
        'måned: fx 2025-09 (september 2025). Måneden skal være begyndt og ligge i planperioden.',
        'beløb: månedens forbrug i kroner, fx 123456,50. Et negativt beløb (en kreditnota) skrives med minus.',
        'note: frivillig bemærkning, højst 500 tegn.',
      ]) notes.addRow([line]);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', 'attachment; filename="helhed-skabelon-forbrug.xlsx"')
        .send(Buffer.from(await book.xlsx.writeBuffer()));
    });

    app.get('/oekonomi/forbrug/skabelon.csv', access('governance.manage'), (_request, reply) =>
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="helhed-skabelon-forbrug.csv"')
        .send(`\uFEFF${ACTUAL_COLUMNS.join(';')}\r\n`),
    );
  };
}
