/**
 * Words as people type them into a name or a description: spaces, punctuation, quotes, accented and
 * non-Latin letters, characters outside the BMP (emoji, one a joined sequence).
 */
export const TYPED_WORDS: readonly string[] = [
  'Rack B7',
  "O'Brien",
  '"core" link',
  'Zürich',
  'São Paulo',
  '東京 DC',
  'Δelta-2',
  '(backup)',
  '#2 / 50%',
  'a&b <ok>',
  '🚀',
  '👩‍💻 ops',
  'naïve — café',
  'line…',
];
