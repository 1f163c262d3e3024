import { describe, expect, it } from 'vitest';
import { documentFromHtml } from './saved-page';
import { hasClassToken, ScrapeTrace, SiteQuery } from './query';

const page = (body: string) => documentFromHtml(`<!doctype html><html><body>${body}</body></html>`);

function querier(chains: Record<string, string[]>, trace?: ScrapeTrace) {
  return new SiteQuery('whatsapp', { chains, labels: {} }, trace);
}

/** Every element below `scope`, in document order. */
function below(scope: Element): Element[] {
  return Array.from(scope.querySelectorAll('*'));
}

describe('hasClassToken', () => {
  it('agrees with the class list padded with spaces, whatever the whitespace', () => {
    const padded = (classes: string, name: string) => ` ${classes.replace(/\s+/g, ' ')} `.includes(` ${name} `);
    const lists = ['', ' ', 'a', 'ab', 'a b', ' a\tb\n', 'xa a', 'a-b b', 'message-in\u00a0message-out', 'message-inx message-in', 'amessage-in'];
    const names = ['a', 'b', 'ab', 'a b', 'message-in', 'message-out', '', ' '];
    for (const classes of lists) for (const name of names) expect(hasClassToken(classes, name), `${JSON.stringify(classes)} ∋ ${JSON.stringify(name)}`).toBe(padded(classes, name));
  });
});

describe('ChainTester', () => {
  const doc = page(`<header id="top"><div id="main"><header><p><span data-testid="t" id="a">A</span></p></header><span data-testid="t" id="b">B</span><div dir="auto" id="c"><i id="d" class="x y"></i></div></div></header>`);
  const main = doc.getElementById('main')!;
  const hits = (chain: string[]) => {
    const test = querier({ K: chain }).tester(main, ['K' as never]);
    return below(main).map((el) => {
      test.test(el);
      return test.hit(0);
    });
  };
  const ids = below(main).map((el) => el.id || el.localName);

  it('checks descendant selectors as the engine does, ancestors above the scope included', () => {
    for (const selector of ['header [data-testid="t"]', 'div [data-testid]', 'body header span', 'p span', 'header header span[data-testid="t"]', 'div i.x.y', '#main i', 'header div p span']) {
      const expected = below(main).map((el) => (el.matches(selector) ? 0 : undefined));
      expect(hits([selector]), selector).toEqual(expected);
    }
  });

  it('leaves other selectors to the engine, and says which selector of the chain matches first', () => {
    expect(hits(['div > i', 'header span'])).toEqual(ids.map((id) => (id === 'd' ? 0 : id === 'a' || id === 'b' ? 1 : undefined)));
    expect(hits(['div[dir="AUTO"] i'])).toEqual(below(main).map((el) => (el.matches('div[dir="AUTO"] i') ? 0 : undefined)));
    expect(hits(['', '[data-testid="t"]', 'span'])).toEqual(ids.map((id) => (id === 'a' || id === 'b' ? 1 : undefined)));
  });

  it('tries only the selectors before `below`', () => {
    const test = querier({ K: ['[data-testid="t"]', 'span'] }).tester(main, ['K' as never]);
    test.test(doc.getElementById('a')!);
    expect(test.hit(0, 1)).toBe(0);
    expect(test.hit(0, 0)).toBeUndefined();
  });
});

describe('FirstShown', () => {
  it('finds what first() finds, and records the same hit', () => {
    const doc = page(`<div id="main"><div hidden><header id="h0"><b data-testid="x">hidden</b></header></div><header id="h1"><i>one</i></header><footer><header id="h2"><b data-testid="x">two</b></header></footer></div>`);
    const main = doc.getElementById('main')!;
    for (const chain of [['header [data-testid="x"]', 'header'], ['header', 'header [data-testid="x"]'], ['nav', 'footer header']]) {
      const walked = new ScrapeTrace();
      const q = querier({ K: chain }, walked);
      const test = q.tester(main, ['K' as never]);
      const found = q.firstShown();
      for (const el of below(main)) {
        test.test(el);
        found.offer(el, test.hit(0, found.index));
      }
      const queried = new ScrapeTrace();
      expect(q.firstFound('K' as never, found)).toBe(querier({ K: chain }, queried).first(main, 'K' as never));
      expect(walked.hits).toEqual(queried.hits);
    }
  });
});
