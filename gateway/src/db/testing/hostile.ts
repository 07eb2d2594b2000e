// Strings that break naive SQL, JSON or encoding code. PostgreSQL text cannot hold U+0000 (tests
// check that it is refused, not truncated) and UTF-8 cannot hold lone surrogates, so neither is here.
export const HOSTILE_STRINGS: readonly string[] = [
  "'; DROP TABLE sessions; --",
  "' OR '1'='1",
  'Robert"); DELETE FROM audit_events; --',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal ${x} is the point
  '$1 $2 ? :name @p1 %s %d {0} ${x}',
  'back\\slash \\x00 \\u0000 \\\\ \\n',
  'quote\' double" back`tick',
  'line\nbreak\r\nand\ttab\u000b\u000c',
  'NIÑO Ñandú àéîõü ß € ﬁ',
  'emoji 😀👩‍👩‍👧 flags 🇪🇸',
  'مرحبا עברית RTL \u202e override \u200b zero-width',
  '{"json": [1, 2], "nested": {"a": null}}',
  '[] {} null true 1e309 -0',
  '<script>alert(1)</script>&amp;',
  ' leading and trailing spaces ',
  '',
  'x'.repeat(2000),
];

/** Every hostile string joined, with separators: one long value. */
export const HOSTILE_JOINED = HOSTILE_STRINGS.join('|');
