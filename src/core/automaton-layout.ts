// How a compiled automaton is laid out, shared by the compiler (automaton-compile.ts) and the
// walk (automaton.ts).

export const STEM_MARK = '*';
export const STEM_TAIL = 6;

/** Node layout in Automaton.nodes, NODE_STRIDE words per node. */
export const NODE_STRIDE = 4;
export const LABEL_START = 0;
/** Label length in the low 16 bits, child count in the high 16. */
export const SIZES = 1;
export const FIRST_CHILD = 2;
/** 0: no word ends here; otherwise (entry + 1) << ACCEPT_SHIFT | boundary / stem flags. */
export const ACCEPT = 3;
export const ACCEPT_BOUNDARY = 1;
export const ACCEPT_STEM = 2;
export const ACCEPT_SHIFT = 2;
export const LOW16 = 0xffff;
/** Children are searched linearly up to this many, by halving beyond it. */
export const LINEAR_CHILDREN = 8;

export const SPACE = 0x20;
export const DASH = 0x2d;
export const SPACED = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{N}]/u;
export const ASCII_END = 128;

export interface AutomatonWord {
  /** Folded, with a trailing STEM_MARK for a stem. */
  key: string;
  /** Returned by walk() when this word matches. */
  entry: number;
}
