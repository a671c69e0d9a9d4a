// Lazily loaded: the claim checker, for pages that name a topic with checkable facts.
export { checkClaims } from '../../core/claims';
