// build.mjs writes build/generated/page-index.js: the packed matcher and topic labels (PageIndex).
declare module '*/generated/page-index.js' {
  const pageIndex: unknown;
  export default pageIndex;
}
