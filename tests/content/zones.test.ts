// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { EXCLUDED_SELECTOR, isExcluded, MARK_CLASS } from '../../src/content/zones';

describe('excluded zones', () => {
  it('tests an element exactly as the selector list does (the walker and mark.js must agree)', () => {
    document.body.innerHTML = `
      <p>p</p><span>s</span><mark>page's own mark</mark><mark class="${MARK_CLASS}">ours</mark>
      <input><textarea></textarea><select><option>o</option></select><button>b</button>
      <div contenteditable="true">e</div><div contenteditable="false">f</div><code>c</code><pre>p</pre>
      <kbd>k</kbd><samp>s</samp><noscript>n</noscript><template></template><svg><text>t</text></svg>
      <math></math><backstory-tooltip></backstory-tooltip><backstory-status></backstory-status>
      <div data-annotation-tooltip>d</div><section><h2>h</h2></section>`;
    const all = [...document.querySelectorAll('*')];
    expect(all.filter((el) => el.matches(EXCLUDED_SELECTOR)).length).toBeGreaterThan(15);
    for (const el of all) expect(isExcluded(el), el.outerHTML).toBe(el.matches(EXCLUDED_SELECTOR));
  });
});
