// One pass over a subtree's text, in document order, cut into runs: stretches of text that read
// as one line of prose (a paragraph, a heading, a list item), so a mention may span inline
// elements but never a block boundary. Each run keeps its text nodes and where each starts in the
// run's text, so a match in the text maps back to exact DOM positions without touching the DOM.

import { BlockProbe, type NameTest } from './block-probe';
import { MAX_DEPTH } from './walk-limits';
import { ELEMENT_NODE, isExcluded, isInlineName, TEXT_NODE } from './zones';

export interface TextRun {
  /** The run's block: the nearest ancestor that isn't inline (a rescan starts from blocks). */
  block: Element;
  /** Where the run stands in reading order, among the runs of the same walk (see ReadingPlace). */
  place: RunPlace;
  text: string;
  /** The run's text nodes in order, and the offset in `text` where each begins. */
  nodes: Text[];
  starts: number[];
}

/**
 * A run's place in reading order without asking the DOM: the walk that found it and its rank in
 * that walk. Runs of one walk compare by rank; runs of different walks (a rescan) only through the
 * DOM, whose compareDocumentPosition walks siblings and cost a 5 MB page seconds.
 */
export interface RunPlace {
  walk: number;
  rank: number;
}

/** Ranks of the first lap of a walk that starts at `from` begin here: the second lap (from the root's start up to `from`) reads earlier text. */
const FIRST_LAP_RANK = 2 ** 30;
/** Walks made so far in this document's script: each walk's runs carry its number. */
let walks = 0;

/** The starts of a run of one text node (most runs): shared until a second node joins it. */
const FIRST_ONLY: number[] = Object.freeze([0]) as unknown as number[];

export { MAX_DEPTH } from './walk-limits';

export interface RunWalker {
  /**
   * The next run, or null when the subtree is done. Only reads the DOM. `sameTask`: the caller
   * hasn't let the page run since its last call, so the page can't have removed what the walk
   * stands on (checking that is two calls into the DOM, per run of a 60,000-cell table).
   */
  next(sameTask?: boolean): TextRun | null;
  /** Subtrees skipped for being nested beyond MAX_DEPTH. */
  readonly skipped: number;
  /** The page removed the part being walked: the walk stopped, and the root needs reading again. */
  readonly interrupted: boolean;
}

/**
 * Walks `root`'s text. With `from` (an element inside root), the walk starts there, goes on to the
 * end of root, then reads root from its start up to `from`: every node once, `from` first. With
 * `nameTest`, blocks whose text can name nothing may be passed over unread (block-probe.ts).
 */
export function createRunWalker(root: Element, from: Element | null = null, nameTest: NameTest | null = null): RunWalker {
  return new Walk(root, from, nameTest ? new BlockProbe(nameTest) : null);
}

// The walk moves itself (firstChild, nextSibling) and keeps the path from root to where it is,
// with each level's block, as a stack: no node is asked for its parent or depth, and a skipped
// subtree is simply not entered. A TreeWalker made the walk ask every node for its parent, and
// every call into the DOM counts on a 60,000-cell table.
class Walk implements RunWalker {
  private readonly path: Node[] = [];
  private readonly blocks: Element[] = [];
  /** How many element children of each node on the path the walk has visited. */
  private readonly seen: number[] = [];
  /** The node visited last, and whether the walk goes into it next. */
  private cursor: Node;
  private enter = true;
  /** The block of the element visited last: its own level's block, if the walk goes into it. */
  private cursorBlock: Element;
  /** Where the first lap starts; null for a walk from root's start. */
  private readonly from: Element | null = null;
  /** Set while reading the part of root before `from` (the second lap). */
  private wrapped = false;
  /** Set when an excluded or too-deep element was skipped: it ends the run too. */
  private brokeRun = false;
  private skippedDeep = 0;
  private stopped = false;
  private done = false;
  private readonly walk = ++walks;
  private firstLapRank = FIRST_LAP_RANK;
  private secondLapRank = 0;
  private pending: TextRun | null = null;

  constructor(
    private readonly root: Element,
    from: Element | null,
    private readonly probe: BlockProbe | null,
  ) {
    this.cursor = root;
    this.cursorBlock = root;
    if (from && from !== root && root.contains(from)) {
      this.from = from;
      this.startAt(from);
    }
  }

  get skipped(): number {
    return this.skippedDeep;
  }

  get interrupted(): boolean {
    return this.stopped;
  }

  next(sameTask = false): TextRun | null {
    this.probe?.newCall();
    // Walking on from a node the page removed or moved since the last call would read what isn't
    // there any more (even outside root, up a path that no longer holds) and miss the rest.
    if (!this.done && !sameTask && !this.standsWhereItWas()) {
      this.stopped = true;
      this.done = true;
    }
    while (!this.done) {
      const node = this.successor();
      if (!node || (this.wrapped && node === this.from)) {
        if (this.wrap()) {
          if (this.pending) return this.finish();
          continue;
        }
        this.done = true;
        break;
      }
      this.cursor = node;
      const type = node.nodeType;
      if (type === ELEMENT_NODE) {
        if (this.visitElement(node as Element)) return this.finish();
      } else if (type === TEXT_NODE) {
        const finished = this.visitText(node as Text);
        if (finished) return finished;
      } else {
        this.enter = false;
      }
    }
    return this.finish();
  }

  /** The path from root down to `from`, as if the walk had come there itself. */
  private startAt(from: Element): void {
    const chain: Element[] = [];
    for (let n = from.parentElement; n && n !== this.root; n = n.parentElement) chain.push(n);
    this.path.push(this.root);
    this.blocks.push(this.root);
    this.seen.push(0);
    for (let i = chain.length - 1; i >= 0; i--) {
      const el = chain[i]!;
      this.blocks.push(isInlineName(el.localName) ? this.blocks[this.blocks.length - 1]! : el);
      this.path.push(el);
      this.seen.push(0);
    }
    this.cursor = from;
    this.cursorBlock = isInlineName(from.localName) ? this.blocks[this.blocks.length - 1]! : from;
  }

  /** The node after the cursor in document order (into it, if entering), or null at the end of root. */
  private successor(): Node | null {
    const { path, blocks, seen } = this;
    if (this.enter) {
      const child = this.cursor.firstChild;
      if (child) {
        path.push(this.cursor);
        blocks.push(this.cursorBlock);
        seen.push(0);
        return child;
      }
    }
    // `at` is a child of the path's last node; with the path empty, it is root itself.
    for (let at = this.cursor; path.length > 0; ) {
      const sibling = at.nextSibling;
      if (sibling) return sibling;
      at = path.pop()!;
      blocks.pop();
      seen.pop();
    }
    return null;
  }

  /** After the first lap (from `from` to the end), the second: from root's start up to `from`. */
  private wrap(): boolean {
    if (!this.from || this.wrapped) return false;
    this.wrapped = true;
    this.path.length = 0;
    this.blocks.length = 0;
    this.seen.length = 0;
    this.cursor = this.root;
    this.cursorBlock = this.root;
    this.enter = true;
    this.brokeRun = true;
    return true;
  }

  private finish(): TextRun | null {
    const run = this.pending;
    this.pending = null;
    return run;
  }

  /** Visits an element: skips it, or goes into it next; true if it ends the run being read. */
  private visitElement(el: Element): boolean {
    this.enter = false;
    // path holds root to the element's parent: its length is the element's depth under root.
    const depth = this.path.length;
    if (depth > MAX_DEPTH) {
      this.skippedDeep++;
      this.brokeRun = true;
      return false;
    }
    const name = el.localName;
    if (isExcluded(el, name)) {
      this.brokeRun = true;
      return false;
    }
    const inline = isInlineName(name);
    const nth = ++this.seen[depth - 1]!;
    // A block ends the run before it either way; one passed over unread ends the run too.
    if (!inline && this.probe?.passesOver(el, nth, depth) && !this.holdsFrom(el)) return this.pending !== null;
    this.enter = true;
    this.cursorBlock = inline ? this.blocks[this.blocks.length - 1]! : el;
    // A block (or <br>, <img>…) inside the current run ends it.
    return !inline && this.pending !== null;
  }

  /** In the second lap, the block holding `from` must be entered: the lap ends there. */
  private holdsFrom(el: Element): boolean {
    return this.wrapped && this.from !== null && el.contains(this.from);
  }

  private visitText(text: Text): TextRun | null {
    this.enter = false;
    const block = this.blocks[this.blocks.length - 1]!;
    const joined = !this.brokeRun;
    this.brokeRun = false;
    const pending = this.pending;
    if (pending && pending.block === block && joined) {
      if (pending.starts === FIRST_ONLY) pending.starts = [0];
      pending.starts.push(pending.text.length);
      pending.nodes.push(text);
      pending.text += text.data;
      return null;
    }
    const finished = this.finish();
    const rank = this.wrapped ? this.secondLapRank++ : this.firstLapRank++;
    this.pending = { block, place: { walk: this.walk, rank }, text: text.data, nodes: [text], starts: FIRST_ONLY };
    return finished;
  }

  /** Whether the page left the walk's place as it was: the cursor in root, under the path the walk keeps. */
  private standsWhereItWas(): boolean {
    const { root, cursor, path } = this;
    if (!root.isConnected || !cursor.isConnected) return false;
    return path.length === 0 ? cursor === root : cursor.parentNode === path[path.length - 1] && root.contains(cursor);
  }
}
