// Passing over blocks that can name nothing, without walking their nodes. Every node the walk
// touches costs the content script a wrapper of its own (a 60,000-cell table spends most of its
// scan on that), while an element's whole text comes back from one native call (textContent)
// and is searched at the speed of the candidate search. Asking costs a block's text read twice
// when it does name something, so the walk asks only where it pays: among many sibling blocks
// (rows, list items, sections), and only at depths where asking has mostly let it pass over.

import { MAX_DEPTH } from './walk-limits';

/** A parent's first element children are walked without asking: a paragraph's few links, a short list. */
export const PROBE_AFTER = 8;
/** Blocks asked about at a depth before the walk judges whether asking pays there. */
const PROBE_TRIAL = 8;

/** Whether the text may name an alias (Matcher.mayName). */
export type MayName = (text: string) => boolean;

export class BlockProbe {
  private readonly asked = new Uint32Array(MAX_DEPTH + 1);
  private readonly passed = new Uint32Array(MAX_DEPTH + 1);

  constructor(private readonly mayName: MayName) {}

  /**
   * Whether the walk may pass over `el`, a block and its parent's `nth` element child at `depth`
   * under the root: its text can hold no mention.
   */
  passesOver(el: Element, nth: number, depth: number): boolean {
    if (nth <= PROBE_AFTER) return false;
    const asked = this.asked[depth]!;
    const passed = this.passed[depth]!;
    // Where most blocks name something (an archive's posts), asking only reads their text twice.
    if (asked >= PROBE_TRIAL && passed * 2 < asked) return false;
    this.asked[depth] = asked + 1;
    if (this.mayName(el.textContent ?? '')) return false;
    this.passed[depth] = passed + 1;
    return true;
  }
}
