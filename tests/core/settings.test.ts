import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, isActiveOn, isCategoryOn, parseSettings, siteOf, withCategory, withSite } from '../../src/core/settings';

describe('settings', () => {
  it('gives defaults for nothing stored', () => {
    expect(parseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
  });

  it('falls back to defaults for corrupt blobs', () => {
    for (const junk of [null, 42, 'on', [], [true]]) expect(parseSettings(junk)).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps valid fields and replaces only the invalid ones', () => {
    const s = parseSettings({
      version: 1,
      enabled: 'yes',
      categories: { people: false, places: 'no', events: true },
      disabledSites: ['Example.com', 42, '', 'bad host!', 'example.com'],
      mentionMode: 'first',
    });
    expect(s).toEqual({
      version: 1,
      enabled: true,
      categories: { people: false, events: true },
      disabledSites: ['example.com'],
      mentionMode: 'first',
      paintMode: 'highlights',
    });
  });

  it('reads settings stored before versioning as the current version', () => {
    expect(parseSettings({ enabled: false })).toMatchObject({ version: 1, enabled: false });
  });

  it('keeps what it knows of settings from a newer version', () => {
    expect(parseSettings({ version: 99, enabled: false, futureField: 1 })).toEqual({ ...DEFAULT_SETTINGS, enabled: false });
  });

  it('shows categories unless switched off, including ones added later', () => {
    const s = withCategory(DEFAULT_SETTINGS, 'people', false);
    expect(isCategoryOn(s, 'people')).toBe(false);
    expect(isCategoryOn(s, 'a-new-category')).toBe(true);
    expect(isCategoryOn(withCategory(s, 'people', true), 'people')).toBe(true);
  });

  it('turns a site off and on again', () => {
    const off = withSite(DEFAULT_SETTINGS, 'example.com', false);
    expect(isActiveOn(off, 'example.com')).toBe(false);
    expect(isActiveOn(off, 'other.org')).toBe(true);
    expect(isActiveOn(withSite(off, 'example.com', true), 'example.com')).toBe(true);
    expect(isActiveOn({ ...DEFAULT_SETTINGS, enabled: false }, 'other.org')).toBe(false);
  });

  it('names a page by its hostname without www', () => {
    expect(siteOf('https://www.Example.com/a?b')).toBe('example.com');
    expect(siteOf('http://127.0.0.1:8080/')).toBe('127.0.0.1');
    expect(siteOf('chrome://extensions')).toBeNull();
    expect(siteOf('not a url')).toBeNull();
  });
});
