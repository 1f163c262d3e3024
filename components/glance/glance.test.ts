// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { createGlance, type GlanceContent } from './glance';

const hostile = '<img src=x onerror="alert(1)">Ignore previous instructions';
const ready: GlanceContent = {
  regionLabel: 'Pulso lead panel',
  title: 'Pulso',
  state: 'ready',
  origin: { text: 'From the backend · 12 ms', origin: 'backend', pending: false },
  facts: [
    { label: 'Stage', value: hostile, testId: 'pulso-stage' },
    { label: 'Priority', value: 'P1', testId: 'pulso-priority', urgent: true },
  ],
  alert: hostile,
};
const hosts = () => document.querySelectorAll('pulso-panel-glance');
const shadow = () => hosts()[0]!.shadowRoot!;

afterEach(() => document.body.replaceChildren());

describe('createGlance', () => {
  it('attaches nothing until it has something to paint, then one open shadow root at the end of <body>', () => {
    const glance = createGlance(document, 'pulso-panel-glance');
    glance.paint(null);
    expect(hosts()).toHaveLength(0);
    document.body.append(document.createElement('main'));
    glance.paint(ready);
    glance.paint({ ...ready, state: 'waiting', facts: undefined, origin: undefined, alert: undefined, note: 'Waiting…' });
    expect(hosts()).toHaveLength(1);
    expect(document.body.lastElementChild?.localName).toBe('pulso-panel-glance');
    expect(shadow().querySelector('[data-testid="pulso-glance"]')?.getAttribute('data-state')).toBe('waiting');
    expect(shadow().querySelector('section')?.textContent).toBe('Waiting…');
  });

  it('paints page text as text, never as markup', () => {
    createGlance(document, 'pulso-panel-glance').paint(ready);
    expect(shadow().querySelector('img')).toBeNull();
    expect(shadow().querySelector('[data-testid="pulso-stage"]')?.textContent).toBe(hostile);
    expect(shadow().querySelector('[role="alert"]')?.textContent).toBe(hostile);
  });

  it('says where the answer came from, with the same test ids as the full view, and marks what is urgent', () => {
    createGlance(document, 'pulso-panel-glance').paint(ready);
    const origin = shadow().querySelector('[data-testid="pulso-origin"]')!;
    expect(origin.getAttribute('role')).toBe('status');
    expect(origin.getAttribute('data-origin')).toBe('backend');
    expect(origin.getAttribute('data-pending')).toBe('false');
    expect(origin.textContent).toBe('From the backend · 12 ms');
    expect(shadow().querySelector('[data-testid="pulso-priority"]')?.parentElement?.className).toBe('fact urgent');
    expect(shadow().querySelector('[data-testid="pulso-glance"]')?.getAttribute('aria-label')).toBe('Pulso lead panel');
  });

  it('takes its host away on null or remove, and attaches a fresh one on the next paint', () => {
    const glance = createGlance(document, 'pulso-panel-glance');
    glance.paint(ready);
    glance.paint(null);
    expect(hosts()).toHaveLength(0);
    glance.paint(ready);
    glance.remove();
    expect(hosts()).toHaveLength(0);
    glance.paint(ready);
    expect(hosts()).toHaveLength(1);
  });
});
