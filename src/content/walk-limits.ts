// How deep the walk reads (apart, so modules the walk uses need not import the walk).

/**
 * Elements nested deeper than this under the scanned root are skipped: no page reads like that,
 * and a hostile or broken page nested 50,000 levels deep must not cost its reader anything.
 */
export const MAX_DEPTH = 256;
