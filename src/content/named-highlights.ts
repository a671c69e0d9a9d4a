// The highlight painter's Highlight objects, one per name (each category, each claim verdict, the
// keyboard's place), and their entries in the page's CSS.highlights. The registry belongs to the
// page, which may delete an entry: asking for a name again puts ours back.

import { FOCUS_HIGHLIGHT } from './painter';

export type HighlightWindow = Window & typeof globalThis & { Highlight?: typeof Highlight };

/** Checks paint over their category's colour, and the keyboard's place over both. */
const CHECK_PRIORITY = 1;
const FOCUS_PRIORITY = 2;
const CHECK_INFIX = '-check-';

export interface NamedHighlights {
  /** The highlight of this name, made on first use and registered again if the page deleted it. */
  get(name: string): Highlight;
  /** Takes a mention's range out of its highlight and out of the keyboard's place. */
  take(name: string, range: AbstractRange): void;
  /** The keyboard's place: that one range, or none (clearing never makes the highlight). */
  focusOn(range: AbstractRange | null): void;
  /** Empties every highlight and takes ours out of the registry. */
  clear(): void;
}

function priorityOf(name: string): number | null {
  if (name === FOCUS_HIGHLIGHT) return FOCUS_PRIORITY;
  return name.includes(CHECK_INFIX) ? CHECK_PRIORITY : null;
}

export function createNamedHighlights(win: HighlightWindow): NamedHighlights {
  const registry = win.CSS.highlights;
  const made = new Map<string, Highlight>();

  function get(name: string): Highlight {
    let h = made.get(name);
    if (!h) {
      h = new win.Highlight!();
      const priority = priorityOf(name);
      if (priority !== null) h.priority = priority;
      made.set(name, h);
    }
    if (registry.get(name) !== h) registry.set(name, h);
    return h;
  }

  return {
    get,
    take(name, range) {
      made.get(name)?.delete(range);
      made.get(FOCUS_HIGHLIGHT)?.delete(range);
    },
    focusOn(range) {
      if (!range) {
        made.get(FOCUS_HIGHLIGHT)?.clear();
        return;
      }
      const h = get(FOCUS_HIGHLIGHT);
      h.clear();
      h.add(range);
    },
    clear() {
      for (const [name, h] of made) {
        h.clear();
        if (registry.get(name) === h) registry.delete(name);
      }
      made.clear();
    },
  };
}
