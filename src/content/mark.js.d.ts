// The part of mark.js 8.11 the highlighter uses, typed as mark.js actually calls it (the
// community typings get markRanges' filter arguments wrong and pull in jQuery).
declare module 'mark.js' {
  interface MarkRange {
    start: number;
    length: number;
  }
  interface MarkRangesOptions<R extends MarkRange> {
    element?: string;
    className?: string;
    exclude?: string[];
    filter?: (textNode: Text, range: R, matchedText: string, counter: number) => boolean;
    each?: (element: HTMLElement, range: R) => void;
    done?: (total: number) => void;
  }
  export default class Mark {
    constructor(context: Element | Element[] | NodeList);
    markRanges<R extends MarkRange>(ranges: R[], options?: MarkRangesOptions<R>): void;
  }
}
