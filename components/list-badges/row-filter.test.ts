import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { Priority } from '@/lib/contracts';
import { RowFilter, byPriority, passesFilter } from './row-filter';

describe('row filter', () => {
  it('keeps rows still loading visible and ranks P1 before P2', () => {
    expect(passesFilter(undefined, 'P1')).toBe(true);
    expect(passesFilter('P2', 'P2')).toBe(true);
    expect(passesFilter('P3', 'P2')).toBe(false);
    expect([{ priority: 'P3' as Priority }, { priority: 'P1' as Priority, urgency: 10 }, { priority: 'P1' as Priority, urgency: 90 }].sort(byPriority))
      .toEqual([{ priority: 'P1', urgency: 90 }, { priority: 'P1', urgency: 10 }, { priority: 'P3' }]);
  });

  it('hides rows below the filter and restores their own inline display, even once they left the visible rows', () => {
    const { document } = parseHTML('<table><tr id="a" style="display: table-row"></tr><tr id="b"></tr><tr id="c"></tr></table>');
    const el = (id: string) => document.getElementById(id) as unknown as HTMLElement;
    const priorities: Record<string, Priority> = { a: 'P3', b: 'P1', c: 'P4' };
    const filter = new RowFilter();
    const rows = ['a', 'b', 'c'].map((id) => ({ element: el(id), recordId: id }));
    filter.apply(rows, 'P2', (id) => priorities[id]);
    expect(['a', 'b', 'c'].map((id) => el(id).style.display)).toEqual(['none', '', 'none']);
    // The adapter no longer reports hidden rows; switching back must still restore them.
    filter.apply([{ element: el('b'), recordId: 'b' }], 'all', (id) => priorities[id]);
    expect(['a', 'b', 'c'].map((id) => el(id).style.display)).toEqual(['table-row', '', '']);
    expect(filter.hiddenCount).toBe(0);
  });
});
