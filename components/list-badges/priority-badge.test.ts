// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { createPriorityBadge, paintPriorityBadge } from './priority-badge';

describe('priority badge styles', () => {
  it('every badge of a document adopts one shared stylesheet, with no <style> of its own', () => {
    const [a, b] = [createPriorityBadge(document), createPriorityBadge(document)];
    const [sheetA, sheetB] = [a.shadowRoot!.adoptedStyleSheets, b.shadowRoot!.adoptedStyleSheets];
    expect(sheetA).toHaveLength(1);
    expect(sheetB[0]).toBe(sheetA[0]);
    expect(a.shadowRoot!.querySelector('style')).toBeNull();
    expect([...sheetA[0]!.cssRules].map((rule) => rule.cssText).join('\n')).toMatch(/contain: strict/);
    paintPriorityBadge(a, { recordId: '1', status: 'loading' });
    expect(a.shadowRoot!.querySelector('span')!.textContent).toBe('…');
  });

  it('a document without constructable stylesheets gets a <style> in each badge', () => {
    // A document made by the DOM API has no window, so no CSSStyleSheet to construct.
    const windowless = document.implementation.createHTMLDocument('');
    const badge = createPriorityBadge(windowless);
    expect(badge.shadowRoot!.adoptedStyleSheets).toHaveLength(0);
    expect(badge.shadowRoot!.querySelector('style')?.textContent).toMatch(/contain: strict/);
    expect(badge.shadowRoot!.querySelector('span')).not.toBeNull();
  });

  it('falls back to a <style> per badge when the shadow root refuses the shared sheet', () => {
    const refusing = document.implementation.createHTMLDocument('');
    const Sheet = document.defaultView!.CSSStyleSheet;
    Object.defineProperty(refusing, 'defaultView', { value: { CSSStyleSheet: Sheet } });
    const original = Object.getOwnPropertyDescriptor(ShadowRoot.prototype, 'adoptedStyleSheets')!;
    Object.defineProperty(ShadowRoot.prototype, 'adoptedStyleSheets', {
      configurable: true,
      get: () => [],
      set: () => {
        throw new TypeError('Permission denied');
      },
    });
    try {
      expect(createPriorityBadge(refusing).shadowRoot!.querySelector('style')).not.toBeNull();
      expect(createPriorityBadge(refusing).shadowRoot!.querySelector('style')).not.toBeNull();
    } finally {
      Object.defineProperty(ShadowRoot.prototype, 'adoptedStyleSheets', original);
    }
  });
});
