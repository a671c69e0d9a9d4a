// Lazily loaded: the tooltip (its host and the Preact UI), on a page's first hover or command.
export { createTooltipHost } from '../tooltip-host';
