import { describe, expect, it } from 'vitest';
import { CsvError, parseCsv } from './csv';

const cells = (text: string) => parseCsv(text).map((record) => record.cells);

describe('parseCsv (RFC 4180)', () => {
  it('reads quoted commas, doubled quotes and line breaks inside quotes', () => {
    expect(cells('a,"b ""c"", d"\r\n1,"x\r\ny"\n')).toEqual([['a', 'b "c", d'], ['1', 'x\r\ny']]);
  });

  it('takes CRLF, LF and lone CR line ends in one file, skips blank lines and a BOM, keeps empty cells', () => {
    expect(cells('\ufeffa,b\r\n\r\n1,\n2,3\r4,5')).toEqual([['a', 'b'], ['1', ''], ['2', '3'], ['4', '5']]);
    expect(cells('"",\n')).toEqual([['', '']]);
  });

  it('numbers each record by the line it starts on, past multi-line cells', () => {
    expect(parseCsv('h\n"one\ntwo"\n\nlast').map((record) => record.line)).toEqual([1, 2, 5]);
  });

  it('names the line where an unterminated quote started', () => {
    expect(() => parseCsv('a\nb\n"open,\nmore\n')).toThrow(CsvError);
    expect(() => parseCsv('a\nb\n"open,\nmore\n')).toThrow(/^line 3: unterminated quoted field$/);
  });

  it('reads a few MB in one pass (runs are sliced, not copied char by char)', () => {
    const row = 'María González,"Metalúrgica, Andina","dice ""hola""\nen dos líneas",42\r\n';
    const records = parseCsv(row.repeat(20_000));
    expect(records).toHaveLength(20_000);
    expect(records[19_999]).toEqual({ line: 39_999, cells: ['María González', 'Metalúrgica, Andina', 'dice "hola"\nen dos líneas', '42'] });
  });
});
