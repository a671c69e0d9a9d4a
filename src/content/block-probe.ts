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
export const PROBE_TRIAL = 8;

/**
 * Text asked about per call of the walk, at most (and one block more): a long stretch of blocks
 * passed over is one call of the walk, which the slicer can't cut.
 */
const CALL_CHARS = 16_384;
/** A block with more text than this is walked, not asked about: its search is cut into windows there. */
const BLOCK_CHARS = 32_768;

/** Whether the text may name an alias (Matcher.mayName). */
export type MayName = (text: string) => boolean;
/**
 * The test to ask blocks with now; null while there is none yet (the page's matcher isn't loaded:
 * match-request.ts), and blocks are walked without asking.
 */
export type NameTest = () => MayName | null;

export class BlockProbe {
  private readonly asked = new Uint32Array(MAX_DEPTH + 1);
  private readonly passed = new Uint32Array(MAX_DEPTH + 1);
  /** The depth of the block asked about that the walk is in (0: none): nothing inside it is asked about. */
  private inside = 0;
  /** Text asked about since the walk's call began. */
  private spent = 0;

  constructor(private readonly nameTest: NameTest) {}

  /** The walk was called again (after handing on a run, or a slice later). */
  newCall(): void {
    this.spent = 0;
  }

  /**
   * Whether the walk may pass over `el`, a block and its parent's `nth` element child at `depth`
   * under the root: its text can hold no mention. Blocks come in document order.
   */
  passesOver(el: Element, nth: number, depth: number): boolean {
    // Asking inside a block asked about would read its text again, once per level of a nested
    // list: each character is read at most once more than the walk reads it.
    if (this.inside !== 0) {
      if (depth > this.inside) return false;
      this.inside = 0;
    }
    if (nth <= PROBE_AFTER || this.spent >= CALL_CHARS) return false;
    const mayName = this.nameTest();
    if (!mayName) return false;
    const asked = this.asked[depth]!;
    const passed = this.passed[depth]!;
    // Where many blocks name something (an archive's posts), asking mostly reads their text
    // twice: it pays only where two in three blocks or more are passed over (a table's rows).
    if (asked >= PROBE_TRIAL && passed * 3 < asked * 2) return false;
    this.asked[depth] = asked + 1;
    const text = el.textContent ?? '';
    this.spent += text.length;
    if (text.length > BLOCK_CHARS) return false;
    if (mayName(text)) {
      this.inside = depth;
      return false;
    }
    this.passed[depth] = passed + 1;
    return true;
  }
}
