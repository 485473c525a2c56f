/**
 * Reading an attendance spreadsheet (forløb; mødegang or dato; deltagerkode; status), with no I/O: the header is
 * matched to the columns, each row is read into what it says, and `AttendanceIndex` resolves a row against the
 * courses, sessions and rosters the importer may register for. Every problem names its row and column in Danish.
 */
import type { SheetRow } from '../../monitoring/import/spreadsheet.js';
import { danishDate, parseDate } from '../../monitoring/periods.js';
import { parseAttendanceStatus, type AttendanceStatus } from '../courses.rules.js';

export interface ImportProblem {
  row: number;
  column: string;
  message: string;
}

/** The columns of the attendance template, as written in its header. */
export const ATTENDANCE_COLUMNS = ['forløb', 'mødegang', 'dato', 'deltagerkode', 'status'] as const;
type Column = (typeof ATTENDANCE_COLUMNS)[number];

const HEADER_WORDS: Record<string, Column> = {
  forløb: 'forløb',
  forloeb: 'forløb',
  forlob: 'forløb',
  forløbskode: 'forløb',
  hold: 'forløb',
  mødegang: 'mødegang',
  moedegang: 'mødegang',
  modegang: 'mødegang',
  'mødegang nr': 'mødegang',
  nr: 'mødegang',
  dato: 'dato',
  deltagerkode: 'deltagerkode',
  deltager: 'deltagerkode',
  kode: 'deltagerkode',
  status: 'status',
  fremmøde: 'status',
  fremmoede: 'status',
};

function headerWord(cell: string): Column | undefined {
  return HEADER_WORDS[cell.trim().toLowerCase().replace(/[.:]/g, '').replace(/\s+/g, ' ')];
}

/** A row as read: which course, which session (by number or date) and participant, and the status. */
export interface AttendanceLine {
  courseCode: string;
  sessionNumber: number | null;
  date: string | null;
  participantCode: string;
  status: AttendanceStatus;
}

export type LineResult = { kind: 'ok'; line: AttendanceLine } | { kind: 'problems'; problems: ImportProblem[] } | { kind: 'blank' };

export interface AttendanceRowReader {
  headerProblems: ImportProblem[];
  /** False when the header lacks a column, so no row can be read. */
  readable: boolean;
  read(row: SheetRow): LineResult;
}

/** Matches the header row to the columns; a missing column is a problem of row 1. */
export function createAttendanceRowReader(header: SheetRow): AttendanceRowReader {
  const at: Partial<Record<Column, number>> = {};
  const headerProblems: ImportProblem[] = [];
  header.cells.forEach((cell, i) => {
    const column = headerWord(cell);
    if (!column) return;
    if (at[column] !== undefined) headerProblems.push({ row: header.row, column: cell.trim(), message: `Kolonnen «${column}» står to gange i overskriften.` });
    else at[column] = i;
  });
  for (const column of ['forløb', 'deltagerkode', 'status'] as const) {
    if (at[column] === undefined) headerProblems.push({ row: header.row, column, message: `Overskriften mangler kolonnen «${column}». Brug skabelonens overskrifter: forløb; mødegang; dato; deltagerkode; status.` });
  }
  if (at.mødegang === undefined && at.dato === undefined) {
    headerProblems.push({ row: header.row, column: 'mødegang', message: 'Overskriften skal have kolonnen «mødegang» (nummeret) eller «dato» (mødegangens dato).' });
  }
  const readable = headerProblems.length === 0;
  const cell = (row: SheetRow, column: Column) => (at[column] === undefined ? '' : (row.cells[at[column]!] ?? '').trim());

  return {
    headerProblems,
    readable,
    read(row) {
      const course = cell(row, 'forløb');
      const number = cell(row, 'mødegang');
      const date = cell(row, 'dato');
      const participant = cell(row, 'deltagerkode');
      const statusText = cell(row, 'status');
      if (course === '' && number === '' && date === '' && participant === '' && statusText === '') return { kind: 'blank' };
      const problems: ImportProblem[] = [];
      if (course === '') problems.push({ row: row.row, column: 'forløb', message: 'Forløbets kode mangler.' });
      let sessionNumber: number | null = null;
      if (number !== '') {
        const n = Number(number.replace(/\.0+$/, ''));
        if (!Number.isInteger(n) || n < 1) problems.push({ row: row.row, column: 'mødegang', message: `Mødegangen «${number}» skal være et helt tal fra 1 og op.` });
        else sessionNumber = n;
      }
      let isoDate: string | null = null;
      if (date !== '') {
        const parsed = parseDate(date);
        if (typeof parsed === 'string') isoDate = parsed;
        else problems.push({ row: row.row, column: 'dato', message: parsed.error });
      }
      if (number === '' && date === '') problems.push({ row: row.row, column: at.mødegang !== undefined ? 'mødegang' : 'dato', message: 'Skriv mødegangens nummer eller dato.' });
      if (participant === '') problems.push({ row: row.row, column: 'deltagerkode', message: 'Deltagerkoden mangler.' });
      const status = parseAttendanceStatus(statusText);
      if (!status) {
        problems.push({
          row: row.row,
          column: 'status',
          message: statusText === '' ? 'Status mangler. Skriv mødt, afbud eller udeblevet.' : `Status «${statusText}» kendes ikke. Skriv mødt, afbud eller udeblevet.`,
        });
      }
      if (problems.length > 0) return { kind: 'problems', problems };
      return { kind: 'ok', line: { courseCode: course.toUpperCase(), sessionNumber, date: isoDate, participantCode: participant.toUpperCase(), status: status! } };
    },
  };
}

// Resolving rows ---------------------------------------------------------------------------------------------------

export interface IndexCourse {
  id: string;
  code: string;
}
export interface IndexSession {
  id: string;
  course_id: string;
  number: number;
  held_on: string;
  cancelled: number;
}
export interface IndexRosterPlace {
  course_id: string;
  participant_id: string;
  code: string;
}

/** A row resolved to the session and participant it registers, or a problem; `unplaced` when the participant is not on the roster (see `classifyUnplaced`). */
export type Resolution =
  | { kind: 'ok'; sessionId: string; participantId: string; key: number }
  | { kind: 'problem'; problem: ImportProblem }
  | { kind: 'unplaced'; participantCode: string; courseCode: string };

const P_BITS = 2 ** 24;

/**
 * The courses, sessions and rosters an importer may register attendance for, held as maps keyed by text a row gives,
 * so a row is resolved without a query. Each (session, participant) gets a number `key` for finding repeated rows.
 */
export class AttendanceIndex {
  private readonly courses = new Map<string, number>();
  private readonly courseCodes: string[] = [];
  private readonly sessionsByNumber = new Map<string, number>();
  private readonly sessionsByDate = new Map<string, number>();
  private readonly sessionIds: string[] = [];
  private readonly sessionInfo: { number: number; heldOn: string; cancelled: boolean }[] = [];
  private readonly sessionNumbers = new Map<number, number[]>();
  private readonly participants = new Map<string, number>();
  private readonly participantIds: string[] = [];
  private readonly places = new Set<number>();

  constructor(courses: readonly IndexCourse[], sessions: readonly IndexSession[], roster: readonly IndexRosterPlace[]) {
    const courseIdx = new Map<string, number>();
    for (const c of courses) {
      courseIdx.set(c.id, this.courseCodes.length);
      this.courses.set(c.code.toUpperCase(), this.courseCodes.length);
      this.courseCodes.push(c.code);
    }
    for (const s of sessions) {
      const c = courseIdx.get(s.course_id);
      if (c === undefined) continue;
      const i = this.sessionIds.length;
      this.sessionIds.push(s.id);
      this.sessionInfo.push({ number: s.number, heldOn: s.held_on, cancelled: Number(s.cancelled) === 1 });
      this.sessionsByNumber.set(`${c}:${s.number}`, i);
      const byDate = `${c}@${s.held_on}`;
      // Two sessions of one course on one day cannot be told apart by date: -1 marks the date as ambiguous.
      this.sessionsByDate.set(byDate, this.sessionsByDate.has(byDate) ? -1 : i);
      const numbers = this.sessionNumbers.get(c) ?? [];
      numbers.push(s.number);
      this.sessionNumbers.set(c, numbers);
    }
    for (const r of roster) {
      const c = courseIdx.get(r.course_id);
      if (c === undefined) continue;
      const code = r.code.toUpperCase();
      let p = this.participants.get(code);
      if (p === undefined) {
        p = this.participantIds.length;
        this.participants.set(code, p);
        this.participantIds.push(r.participant_id);
      }
      this.places.add(c * P_BITS + p);
    }
  }

  resolve(row: number, line: AttendanceLine): Resolution {
    const c = this.courses.get(line.courseCode);
    if (c === undefined) return { kind: 'problem', problem: { row, column: 'forløb', message: `Forløbet «${line.courseCode}» findes ikke, eller du har ikke adgang til det.` } };
    const code = this.courseCodes[c]!;
    let s: number | undefined;
    if (line.sessionNumber !== null) {
      s = this.sessionsByNumber.get(`${c}:${line.sessionNumber}`);
      if (s === undefined) {
        const numbers = this.sessionNumbers.get(c) ?? [];
        const has = numbers.length === 0 ? 'forløbet har ingen mødegange endnu' : `forløbet har mødegang ${Math.min(...numbers)}-${Math.max(...numbers)}`;
        return { kind: 'problem', problem: { row, column: 'mødegang', message: `Forløbet ${code} har ingen mødegang nr. ${line.sessionNumber} (${has}).` } };
      }
      if (line.date !== null && this.sessionInfo[s]!.heldOn !== line.date) {
        return {
          kind: 'problem',
          problem: { row, column: 'dato', message: `Mødegang ${line.sessionNumber} i ${code} er den ${danishDate(this.sessionInfo[s]!.heldOn)}, ikke den ${danishDate(line.date)}.` },
        };
      }
    } else {
      s = this.sessionsByDate.get(`${c}@${line.date}`);
      if (s === undefined) return { kind: 'problem', problem: { row, column: 'dato', message: `Forløbet ${code} har ingen mødegang den ${danishDate(line.date!)}.` } };
      if (s === -1) return { kind: 'problem', problem: { row, column: 'dato', message: `Forløbet ${code} har flere mødegange den ${danishDate(line.date!)}. Skriv mødegangens nummer.` } };
    }
    const info = this.sessionInfo[s]!;
    if (info.cancelled) return { kind: 'problem', problem: { row, column: line.sessionNumber !== null ? 'mødegang' : 'dato', message: `Mødegang ${info.number} i ${code} er aflyst, så der kan ikke registreres fremmøde.` } };
    const p = this.participants.get(line.participantCode);
    if (p === undefined || !this.places.has(c * P_BITS + p)) return { kind: 'unplaced', participantCode: line.participantCode, courseCode: code };
    return { kind: 'ok', sessionId: this.sessionIds[s]!, participantId: this.participantIds[p]!, key: s * P_BITS + p };
  }
}

/** The problem for a participant not on the course's roster: unknown or hidden from the importer, or known but not on the roster. */
export function unplacedProblem(row: number, participantCode: string, courseCode: string, visible: boolean): ImportProblem {
  return {
    row,
    column: 'deltagerkode',
    message: visible
      ? `Deltageren ${participantCode} er ikke på holdlisten for ${courseCode}. Sæt deltageren på holdet på forløbets side først.`
      : `Deltageren «${participantCode}» findes ikke, eller du har ikke adgang til deltageren.`,
  };
}

/**
 * Remembers which (session, participant) keys rows have registered, in bounded memory for a million rows: open
 * addressing over a Float64Array of keys and an Int32Array of first rows (12 bytes a slot, at most half full).
 */
export class SeenAttendance {
  private keys = new Float64Array(1 << 16).fill(-1);
  private rows = new Int32Array(1 << 16);
  private size = 0;

  /** How many distinct keys have been seen. */
  get count(): number {
    return this.size;
  }

  /** The earlier row with the same key, or null (and the row is remembered). */
  firstRowOf(key: number, row: number): number | null {
    const mask = this.keys.length - 1;
    let slot = mix(key) & mask;
    while (this.keys[slot] !== -1) {
      if (this.keys[slot] === key) return this.rows[slot]!;
      slot = (slot + 1) & mask;
    }
    this.keys[slot] = key;
    this.rows[slot] = row;
    if (++this.size * 2 > this.keys.length) this.grow();
    return null;
  }

  private grow(): void {
    const { keys, rows } = this;
    this.keys = new Float64Array(keys.length * 2).fill(-1);
    this.rows = new Int32Array(keys.length * 2);
    const mask = this.keys.length - 1;
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] === -1) continue;
      let slot = mix(keys[i]!) & mask;
      while (this.keys[slot] !== -1) slot = (slot + 1) & mask;
      this.keys[slot] = keys[i]!;
      this.rows[slot] = rows[i]!;
    }
  }
}

/** Spreads a key's bits over the slot range (keys are session × 2^24 + participant, so low bits alone cluster). */
function mix(key: number): number {
  const lo = key % 4294967296;
  const hi = Math.floor(key / 4294967296);
  let h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
