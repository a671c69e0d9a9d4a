// The browser's i18n API: the UI's messages from _locales/, in the browser's language (falling
// back to English, the manifest's default_locale).
//
// i18n.getMessage is synchronous and the same in Chromium (`chrome`) and Firefox (`browser`), so
// this module reaches it without webextension-polyfill: the polyfill refuses to load outside an
// extension, and the UI components that call this must also render in unit tests.

export type Substitutions = string | string[];
export type MessageSource = {
  message(key: string, substitutions?: Substitutions): string;
};

/** The shape of a _locales/<lang>/messages.json file. */
export type MessagesJson = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

interface ExtensionI18n {
  getMessage(key: string, substitutions?: Substitutions): string;
  getUILanguage(): string;
}

function extensionI18n(): ExtensionI18n | undefined {
  const g = globalThis as { browser?: { i18n?: ExtensionI18n }; chrome?: { i18n?: ExtensionI18n } };
  return g.browser?.i18n ?? g.chrome?.i18n;
}

/** The browser's UI language, which getMessage picks its catalogue by ('en' outside an extension). */
export function uiLanguage(): string {
  return extensionI18n()?.getUILanguage() ?? 'en';
}

/** Formats messages the way the browser does: $NAME$ placeholders, then $1…$9, then $$ → $. */
export function messagesFrom(messages: MessagesJson): MessageSource {
  return {
    message(key, substitutions) {
      const entry = messages[key];
      if (!entry) return '';
      const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
      const placeholders = Object.fromEntries(Object.entries(entry.placeholders ?? {}).map(([k, v]) => [k.toLowerCase(), v.content]));
      const named = entry.message.replace(/\$([a-z0-9_@]+)\$/gi, (whole, name: string) => placeholders[name.toLowerCase()] ?? whole);
      return named.replace(/\$(\$|[1-9])/g, (_, d: string) => (d === '$' ? '$' : (subs[Number(d) - 1] ?? '')));
    },
  };
}

/**
 * Outside an extension (unit tests under Node) there is no i18n API: read the English messages
 * from _locales/ on disk. Through process.getBuiltinModule, so the browser bundles carry none of this.
 */
function englishFromDisk(): MessageSource {
  const proc = (globalThis as { process?: { cwd(): string; getBuiltinModule?(id: string): unknown } }).process;
  const fs = proc?.getBuiltinModule?.('node:fs') as typeof import('node:fs') | undefined;
  if (!proc || !fs) throw new Error('No i18n API: not running in an extension; call setMessageSource() first.');
  const file = `${proc.cwd()}/_locales/en/messages.json`;
  return messagesFrom(JSON.parse(fs.readFileSync(file, 'utf8')) as MessagesJson);
}

let source: MessageSource | null = null;

function current(): MessageSource {
  if (source) return source;
  const api = extensionI18n();
  source = api ? { message: (key, substitutions) => api.getMessage(key, substitutions) } : englishFromDisk();
  return source;
}

export const i18n: MessageSource = {
  message: (key, substitutions) => current().message(key, substitutions),
};

/** For tests: render with these messages (e.g. messagesFrom(ja)); null goes back to the default. */
export function setMessageSource(next: MessageSource | null): void {
  source = next;
}
