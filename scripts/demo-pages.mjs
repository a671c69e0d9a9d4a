// Renders the bundled source documents as article pages (build/demo/), for `npm start` and for
// the real-browser coverage tests. The text is the documents' own, paragraph for paragraph.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const escapeHtml = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

const STYLE = `
body { margin: 0; font: 18px/1.6 Georgia, "Times New Roman", serif; color: #222; background: #fbfaf7; }
.masthead { border-bottom: 1px solid #ddd; background: #fff; padding: 12px 24px; font: 600 14px/1 system-ui, sans-serif; letter-spacing: .08em; text-transform: uppercase; color: #555; }
.masthead a { color: inherit; text-decoration: none; }
main { max-width: 720px; margin: 0 auto; padding: 32px 24px 80px; }
h1 { font-size: 34px; line-height: 1.2; margin: 0 0 12px; }
.meta { font: 14px/1.4 system-ui, sans-serif; color: #666; margin-bottom: 28px; }
.note { font: 13px/1.4 system-ui, sans-serif; color: #777; border-top: 1px solid #ddd; padding-top: 12px; margin-top: 40px; }
ul.docs { font: 16px/1.5 system-ui, sans-serif; }
`;

function page(title, body) {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>
<div class="masthead"><a href="index.html">Backstory demo reader</a></div>
<main>
${body}
</main>
</body>
</html>
`;
}

export function writeDemoPages(dataDir, outDir) {
  mkdirSync(outDir, { recursive: true });
  const sourcesDir = join(dataDir, 'sources');
  const docs = readdirSync(sourcesDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(sourcesDir, f), 'utf8')));
  for (const s of docs) {
    const text = readFileSync(join(sourcesDir, s.file), 'utf8');
    const paragraphs = text
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean)
      .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
      .join('\n');
    const meta = [s.publisher, s.author, s.dateText].filter(Boolean).map(escapeHtml).join(' · ');
    writeFileSync(
      join(outDir, `${s.id}.html`),
      page(
        s.title,
        `<article>\n<h1>${escapeHtml(s.title)}</h1>\n<p class="meta">${meta}</p>\n${paragraphs}\n</article>\n<p class="note">The full text of a source document bundled with Backstory, shown here so you can try the extension. Hover or focus a highlighted name.</p>`,
      ),
    );
  }
  const list = docs
    .map(
      (s) =>
        `<li><a href="${s.id}.html">${escapeHtml(s.title)}</a> — ${[s.publisher, s.author, s.dateText].filter(Boolean).map(escapeHtml).join(' · ')}</li>`,
    )
    .join('\n');
  writeFileSync(
    join(outDir, 'index.html'),
    page(
      'Backstory demo reader',
      `<h1>Backstory demo reader</h1>\n<p>The five source documents of Backstory's corpus. Open one; the names Backstory knows are highlighted.</p>\n<ul class="docs">\n${list}\n</ul>`,
    ),
  );
  return docs.map((s) => s.id);
}
