// Plays the CRM's client-side router on fixture pages: a click on an in-app link
// swaps the record container's content (after a short render delay, like the real
// app) and pushes the new URL, without a page load.
(() => {
  const ROOT_ID = 'hs-record-root';
  async function navigate(href, push) {
    const url = new URL(href, location.href);
    const id = /record\/0-1\/(\d+)/.exec(url.pathname)?.[1];
    if (!id) return false;
    const response = await fetch(`/__fixture/hubspot/contact-${id}.html`);
    if (!response.ok) return false;
    const next = new DOMParser().parseFromString(await response.text(), 'text/html');
    const root = document.getElementById(ROOT_ID);
    const nextRoot = next.getElementById(ROOT_ID);
    if (!root || !nextRoot) return false;
    if (push) history.pushState({}, '', url.href);
    // The URL changes first; the old record stays on screen for a moment, then a
    // skeleton, then the new record — the order that trips naive scrapers.
    await new Promise((ok) => setTimeout(ok, 120));
    root.replaceChildren();
    await new Promise((ok) => setTimeout(ok, 120));
    root.replaceChildren(...Array.from(nextRoot.childNodes, (node) => document.importNode(node, true)));
    // For the benchmarks: when the record's DOM became ready.
    window.__pulsoRecordRenderedAt = performance.now();
    document.title = next.title;
    return true;
  }
  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[href^="/contacts/"]') : null;
    if (!link) return;
    event.preventDefault();
    void navigate(link.getAttribute('href'), true);
  });
  addEventListener('popstate', () => void navigate(location.href, false));
})();
