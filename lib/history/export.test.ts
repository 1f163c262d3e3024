import { describe, expect, it } from 'vitest';
import { sampleEntry } from './fixtures';
import { HISTORY_CSV_COLUMNS, guardSpreadsheetCell, historyCsvRow, historyToCsv, historyToJson, parseCsv, parseCsvRecords } from './export';
import type { HistoryEntry } from './schema';

const entries: HistoryEntry[] = [
  { ...sampleEntry(), id: 1 },
  {
    ...sampleEntry({
      recordId: '202',
      input: { fullName: 'Ana "La Jefa" Ruiz, PhD', company: 'Línea 1\nLínea 2\r\nfin', email: 'ana@x.es', description: '<img src=x onerror=alert(1)>' },
    }),
    id: 2,
  },
  { ...sampleEntry({ recordId: '303', input: { fullName: '=HYPERLINK("http://evil","click")', company: '@SUM(1)' } }), id: 3 },
];

describe('history CSV export', () => {
  it('has a header row and parses back to the same rows (quotes, commas, line breaks)', () => {
    const csv = historyToCsv(entries);
    expect(csv.split('\r\n')[0]).toBe(HISTORY_CSV_COLUMNS.join(','));
    expect(parseCsvRecords(csv)).toEqual(entries.map(historyCsvRow));
    expect(parseCsvRecords(csv)[1]!.company).toBe('Línea 1\nLínea 2\r\nfin');
    expect(JSON.parse(parseCsvRecords(csv)[1]!.input!)).toEqual(entries[1]!.input);
  });

  it('quotes per RFC 4180: doubled quotes inside a quoted field', () => {
    expect(historyToCsv([entries[1]!])).toContain('"Ana ""La Jefa"" Ruiz, PhD"');
    expect(parseCsv('a,"b ""c"", d"\r\n1,2\r\n')).toEqual([['a', 'b "c", d'], ['1', '2']]);
    expect(parseCsv('a,b\n1,')).toEqual([['a', 'b'], ['1', '']]);
  });

  it('keeps a spreadsheet from running page text as a formula', () => {
    const row = historyCsvRow(entries[2]!);
    expect(row.fullName).toBe(`'=HYPERLINK("http://evil","click")`);
    expect(row.company).toBe(`'@SUM(1)`);
    expect(guardSpreadsheetCell('María')).toBe('María');
  });

  it('exports JSON with every stored field', () => {
    const parsed = JSON.parse(historyToJson(entries, 0)) as { format: string; entries: HistoryEntry[] };
    expect(parsed.format).toBe('pulso-history');
    expect(parsed.entries).toEqual(entries);
  });
});
