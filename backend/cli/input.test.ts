import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../lib/text/csv';
import { detectFormat, parseLeadInput } from './input';

describe('parseCsv', () => {
  it('handles quoted commas, quotes, newlines, CRLF and a BOM, and knows each record\'s line', () => {
    const text = '\uFEFFfullName,description\r\n"Doe, Jane","She said ""hi""\nand left"\r\n\r\nBob,plain\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, cells: ['fullName', 'description'] },
      { line: 2, cells: ['Doe, Jane', 'She said "hi"\nand left'] },
      { line: 5, cells: ['Bob', 'plain'] },
    ]);
  });

  it('keeps empty cells and a last line without newline', () => {
    expect(parseCsv('a,b,c\n1,,3')).toEqual([
      { line: 1, cells: ['a', 'b', 'c'] },
      { line: 2, cells: ['1', '', '3'] },
    ]);
  });

  it('reports an unterminated quote with its line', () => {
    expect(() => parseCsv('a,b\n1,"oops\n2,3')).toThrow(/line 2: unterminated/);
  });
});

describe('lead input', () => {
  it('detects CSV by extension or by a first line that is not JSON', () => {
    expect(detectFormat('{"fullName":"a"}', 'leads.csv')).toBe('csv');
    expect(detectFormat('fullName,email\n')).toBe('csv');
    expect(detectFormat('\n{"fullName":"a"}\n')).toBe('jsonl');
    expect(detectFormat('{broken\n')).toBe('jsonl');
  });

  it('JSON lines: good, malformed and wrong-typed lines, blank lines skipped, line numbers kept', () => {
    const { format, items } = parseLeadInput('{"fullName":"A"}\n{oops\n\n{"fullName":"B","email":5}\n[1]\n{"jobTitle":"CTO"}\n');
    expect(format).toBe('jsonl');
    expect(items.map((i) => i.line)).toEqual([1, 2, 4, 5, 6]);
    expect(items[0]).toEqual({ line: 1, lead: { fullName: 'A' } });
    expect((items[1] as { error: string }).error).toMatch(/^line 2: malformed JSON/);
    expect((items[2] as { error: string }).error).toBe('line 4: email: Invalid input: expected string, received number');
    expect((items[3] as { error: string }).error).toMatch(/^line 5: expected a JSON object/);
    expect((items[4] as { error: string }).error).toMatch(/^line 6: fullName: a lead needs/);
  });

  it('CSV: header names map to Lead fields (any case), numbers for size/revenue, unknown columns warned', () => {
    const { format, items, warnings } = parseLeadInput('FullName,email,companySize,Notes\nAna,ana@x.com,250,hi\n,,,\nBo,b@y.com,"50-100",x,extra\n');
    expect(format).toBe('csv');
    expect(warnings[0]).toMatch(/Notes/);
    expect(items[0]).toEqual({ line: 2, lead: { fullName: 'Ana', email: 'ana@x.com', companySize: 250 } });
    expect((items[1] as { error: string }).error).toMatch(/^line 3: fullName: a lead needs/);
    expect((items[2] as { error: string }).error).toMatch(/^line 4: 5 cells but the header has 4/);
  });
});
