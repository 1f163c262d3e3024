import type { Priority } from '@/lib/contracts';

export type PriorityFilter = 'all' | 'P2' | 'P1';

const RANK: Record<Priority, number> = { P1: 1, P2: 2, P3: 3, P4: 4 };

export function passesFilter(priority: Priority | undefined, filter: PriorityFilter): boolean {
  if (filter === 'all' || !priority) return true; // rows still loading stay visible
  return RANK[priority] <= RANK[filter];
}

/**
 * Hides the rows below the filter and restores them exactly as they were: only the
 * inline `display` of rows it hid is touched, never the CRM's classes or row order,
 * so the CRM's own table code keeps working. Hidden rows drop out of the adapter's
 * visible rows, so it remembers them itself to bring them back.
 */
export class RowFilter {
  private readonly hidden = new Map<HTMLElement, { display: string; recordId: string }>();

  apply(
    rows: { element: Element; recordId: string }[],
    filter: PriorityFilter,
    priorityOf: (recordId: string) => Priority | undefined,
  ): void {
    for (const [element, { display, recordId }] of this.hidden) {
      if (!element.isConnected || passesFilter(priorityOf(recordId), filter)) {
        element.style.display = display;
        this.hidden.delete(element);
      }
    }
    for (const row of rows) {
      const element = row.element as HTMLElement;
      const recordId = row.recordId;
      // Duck-typed: rows may come from another realm (an iframe, a test DOM).
      if (!element.style || this.hidden.has(element)) continue;
      if (!passesFilter(priorityOf(recordId), filter)) {
        this.hidden.set(element, { display: element.style.display, recordId });
        element.style.display = 'none';
      }
    }
  }

  get hiddenCount(): number {
    return this.hidden.size;
  }
}

export function byPriority<T extends { priority?: Priority; urgency?: number }>(a: T, b: T): number {
  const rank = (x: T) => (x.priority ? RANK[x.priority] : 9);
  return rank(a) - rank(b) || (b.urgency ?? 0) - (a.urgency ?? 0);
}
