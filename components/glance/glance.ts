// The first paint of a feature's answer, in plain DOM: it runs in the content script, so a
// rep sees the headline (stage, priority, SLA; intent, escalation) as soon as the background
// answers, while the UI chunk (React and the full panel) loads behind it. The full view
// replaces it in the same task it mounts in; if the chunk cannot load, the glance stays.

/** One headline fact: a label and its value, with the test id the full view gives the same fact. */
export interface GlanceFact {
  label: string;
  value: string;
  testId: string;
  /** Draws the fact as an alert (a P1, a hand-off). */
  urgent?: boolean;
}

/** What a glance shows: the panel's frame, the state's text or the answer's headline, and where it came from. */
export interface GlanceContent {
  /** The panel's accessible name (the same region label as the full view's). */
  regionLabel: string;
  title: string;
  /** The panel's state, as the full view's `data-state`. */
  state: string;
  /** A line of text instead of facts (waiting, could not read, an error). */
  note?: string;
  facts?: GlanceFact[];
  /** What must not be missed (a hand-off to a human), shown first as an alert. */
  alert?: string;
  /** Who answered and how (the SourceBadge's line). */
  origin?: { text: string; origin: string; pending: boolean };
}

/** A glance's host on the page: `paint` replaces what it shows (null: nothing), `remove` takes it away. */
export interface Glance {
  paint(content: GlanceContent | null): void;
  remove(): void;
}

// A few rules, not Tailwind: the glance must cost nothing to style. It sits where the panel
// docks (PanelFrame), so the full view takes its place without moving.
const CSS = `:host{all:initial}
aside{position:fixed;top:0;right:0;z-index:2147483000;display:flex;flex-direction:column;width:328px;height:100%;margin-left:32px;box-sizing:border-box;border-left:1px solid #e2e8f0;background:#f8fafc;box-shadow:0 20px 25px -5px rgb(0 0 0/.1);font:14px/1.4 ui-sans-serif,system-ui,sans-serif;color:#0f172a}
header{padding:8px 12px;border-bottom:1px solid #e2e8f0;background:#fff;font-weight:700;font-size:16px;color:#4338ca}
section{padding:12px;display:grid;gap:12px}
.facts{display:grid;grid-template-columns:repeat(auto-fit,minmax(90px,1fr));gap:8px;text-align:center}
.fact{border-radius:8px;background:#f1f5f9;padding:8px;overflow-wrap:anywhere}
.fact.urgent{background:#dc2626;color:#fff}
.fact small{display:block;font-size:12px}
.fact b{display:block;font-size:18px}
p{margin:0;font-size:12px;color:#64748b}
.alert{border:1px solid #fca5a5;border-radius:8px;background:#fef2f2;padding:8px;font-size:14px;font-weight:600;color:#7f1d1d}`;

/** Attaches the glance's host (an open shadow root at the end of <body>) on its first paint. */
export function createGlance(doc: Document, hostName: string): Glance {
  let host: HTMLElement | undefined;
  let root: ShadowRoot | undefined;
  const attach = () => {
    host = doc.createElement(hostName);
    root = host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = CSS;
    root.append(style, doc.createElement('aside'));
    doc.body.append(host);
    return root;
  };
  const remove = () => {
    host?.remove();
    host = root = undefined;
  };
  return {
    paint(content) {
      if (!content) return remove();
      const aside = (root ?? attach()).querySelector('aside')!;
      aside.setAttribute('aria-label', content.regionLabel);
      aside.setAttribute('data-testid', 'pulso-glance');
      aside.setAttribute('data-state', content.state);
      aside.replaceChildren(el(doc, 'header', content.title), body(doc, content));
    },
    remove,
  };
}

/** Page text reaches the glance as `textContent` only: it is never parsed as HTML. */
function el(doc: Document, tag: string, text?: string, attrs: Record<string, string> = {}): HTMLElement {
  const node = doc.createElement(tag);
  if (text !== undefined) node.textContent = text;
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  return node;
}

function body(doc: Document, content: GlanceContent): HTMLElement {
  const section = el(doc, 'section', undefined, { role: 'region', 'aria-label': content.regionLabel, 'aria-live': 'polite' });
  if (content.alert) section.append(el(doc, 'p', content.alert, { role: 'alert', class: 'alert' }));
  if (content.origin) {
    const { text, origin, pending } = content.origin;
    section.append(el(doc, 'p', text, { role: 'status', 'data-testid': 'pulso-origin', 'data-origin': origin, 'data-pending': String(pending) }));
  }
  if (content.facts?.length) {
    const facts = el(doc, 'div', undefined, { class: 'facts' });
    for (const fact of content.facts) {
      const box = el(doc, 'div', undefined, { class: fact.urgent ? 'fact urgent' : 'fact' });
      box.append(el(doc, 'small', fact.label), el(doc, 'b', fact.value, { 'data-testid': fact.testId }));
      facts.append(box);
    }
    section.append(facts);
  }
  if (content.note) section.append(el(doc, 'p', content.note));
  return section;
}
