export class CsvError extends Error {
  override name = 'CsvError';
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

export interface CsvRecord {
  /** 1-based line of the file where the record starts. */
  line: number;
  cells: string[];
}

const SPECIAL = /[",\r\n]/g;

function countLineFeeds(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

/**
 * RFC 4180 CSV: comma-separated, double-quoted fields may hold commas, quotes ("")
 * and newlines; CRLF or LF line ends; a leading BOM is ignored. Blank lines are skipped.
 * Throws on an unterminated quoted field (naming the line where it started).
 */
export function parseCsv(text: string): CsvRecord[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let recordLine = 1;
  let inQuotes = false;
  let quoteLine = 0;
  let sawAny = false;

  const endRecord = () => {
    cells.push(cell);
    const blank = cells.length === 1 && cells[0] === '' && !sawAny;
    if (!blank) records.push({ line: recordLine, cells });
    cells = [];
    cell = '';
    sawAny = false;
  };

  // Runs of plain text are copied as slices, not a character at a time: a catalogue or a
  // lead export of a few MB parses in one pass without building strings char by char.
  let i = 0;
  while (i < src.length) {
    if (inQuotes) {
      const quote = src.indexOf('"', i);
      const end = quote < 0 ? src.length : quote;
      const run = src.slice(i, end);
      line += countLineFeeds(run);
      cell += run;
      if (quote < 0) break; // unterminated: reported below
      if (src[quote + 1] === '"') {
        cell += '"';
        i = quote + 2;
      } else {
        inQuotes = false;
        i = quote + 1;
      }
      continue;
    }
    SPECIAL.lastIndex = i;
    const special = SPECIAL.exec(src);
    const at = special ? special.index : src.length;
    if (at > i) cell += src.slice(i, at);
    if (!special) break;
    i = at + 1;
    const ch = special[0];
    if (ch === '"') {
      inQuotes = true;
      quoteLine = line;
      sawAny = true;
    } else if (ch === ',') {
      cells.push(cell);
      cell = '';
      sawAny = true;
    } else if (ch === '\r' && src[at + 1] === '\n') {
      // handled by the \n
    } else {
      endRecord();
      line++;
      recordLine = line;
    }
  }
  if (inQuotes) throw new CsvError(quoteLine, 'unterminated quoted field');
  if (cell !== '' || cells.length > 0 || sawAny) endRecord();
  return records;
}
