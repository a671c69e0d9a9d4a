#!/usr/bin/env node
// `web-ext lint` (Mozilla's addons-linter, the same checks addons.mozilla.org runs) on dist/firefox.
// Fails on any error, and on any warning that is not one of the known ones explained below and in
// the README ("Firefox: web-ext lint"). Runs offline: the linter needs no network.
//
//   node scripts/lint-firefox.mjs        after `node build.mjs`

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist', 'firefox');
const WEB_EXT = join(ROOT, 'node_modules', 'web-ext', 'bin', 'web-ext.js');

/**
 * Warnings we know and accept, each with the reason (repeated in the README).
 * UNSAFE_VAR_ASSIGNMENT on innerHTML: the bundles contain Preact, whose DOM diff assigns
 * innerHTML only for the `dangerouslySetInnerHTML` prop. Backstory never uses that prop, nor
 * innerHTML anywhere (checked below on src/), so the line is never reached; corpus text is
 * rendered as text nodes.
 */
const KNOWN = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    files: /^(popup|options|reader)\.js$|^lazy\//,
    message: /innerHTML/,
    because: "Preact's dangerouslySetInnerHTML path, never used by Backstory",
  },
  // The content script loads its own lazy modules (lazy/*.js) with import(runtime.getURL(path)):
  // the address is always the extension's own, built from a constant path.
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    files: /^(content\.js|lazy\/main\.js)$/,
    message: /import/,
    because: 'import() of the extension’s own lazy/ modules at runtime.getURL addresses',
  },
];

function sourceFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

if (!existsSync(join(DIST, 'manifest.json'))) {
  console.error('✖ dist/firefox is missing: run `node build.mjs` first.');
  process.exit(1);
}

// The explanation of the known warning holds only while our own code never writes HTML.
const writesHtml = sourceFiles(join(ROOT, 'src')).filter((f) =>
  /dangerouslySetInnerHTML|\.innerHTML\s*=|outerHTML\s*=|insertAdjacentHTML/.test(readFileSync(f, 'utf8')),
);
if (writesHtml.length) {
  console.error(
    `✖ ${writesHtml.map((f) => relative(ROOT, f)).join(', ')} write HTML: render text through Preact instead (and see KNOWN in scripts/lint-firefox.mjs).`,
  );
  process.exit(1);
}

const run = spawnSync(process.execPath, [WEB_EXT, 'lint', '--source-dir', DIST, '--output', 'json', '--no-input', '--no-config-discovery'], {
  cwd: ROOT,
  // web-ext's CLI would otherwise ask the npm registry for a newer web-ext in the background.
  env: { ...process.env, NO_UPDATE_NOTIFIER: '1' },
  encoding: 'utf8',
  maxBuffer: 16 * 1024 * 1024,
});
let report;
try {
  report = JSON.parse(run.stdout.slice(run.stdout.indexOf('{')));
} catch {
  console.error(`✖ web-ext lint gave no report (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  process.exit(1);
}

const where = (m) => `${m.file ?? 'manifest'}${m.line ? `:${m.line}` : ''}`;
const explained = (m) => KNOWN.find((k) => k.code === m.code && k.files.test(m.file ?? '') && k.message.test(m.message ?? ''));
const unexplained = report.warnings.filter((m) => !explained(m));

console.log(`web-ext lint dist/firefox: ${report.errors.length} errors, ${report.warnings.length} warnings, ${report.notices.length} notices`);
for (const m of report.errors) console.log(`  ✖ error ${m.code} ${where(m)}: ${m.message}`);
for (const m of report.warnings) {
  const k = explained(m);
  console.log(`  ${k ? '·' : '✖'} warning ${m.code} ${where(m)}: ${m.message}${k ? ` (known: ${k.because})` : ''}`);
}
for (const m of report.notices) console.log(`  · notice ${m.code} ${where(m)}: ${m.message}`);

if (report.errors.length || unexplained.length) {
  console.error('\n✖ Fix these, or explain a warning in KNOWN (scripts/lint-firefox.mjs) and in the README.');
  process.exit(1);
}
