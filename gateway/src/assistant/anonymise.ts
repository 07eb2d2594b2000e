/**
 * What Ada keeps of a citizen's words (unrecognised questions, for review) must not identify them:
 * identity numbers, names they give, e-mail addresses, phone numbers and bank accounts are replaced
 * by a placeholder before anything is stored.
 */

const RULES: readonly [RegExp, string][] = [
  // E-mail addresses.
  [/[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu, '[email]'],
  // IBANs (ES91 2100 0418 4502 0005 1332 and other countries), spaced or not.
  [/\b[A-Z]{2}\d{2}(?:[ -]?\d{4}){3,7}(?:[ -]?\d{1,4})?\b/giu, '[iban]'],
  // DNI (12345678Z), NIE (X1234567L), NIF of companies (B85341279), with or without separators.
  [/\b[XYZ][ -.]?\d{7}[ -.]?[A-Z]\b/giu, '[id]'],
  [/\b\d{8}[ -.]?[A-Z]\b/giu, '[id]'],
  [/\b[ABCDEFGHJNPQRSUVW][ -.]?\d{7}[ -.]?[0-9A-J]\b/giu, '[id]'],
  // Phone numbers: +34 600 123 456, 600123456, 91 123 45 67, (0034) 912345678…
  [/(?:\+|\b00)\d{2}[\s.-]?(?:\d[\s.-]?){8,12}\d\b/gu, '[phone]'],
  [/\b[6789](?:[\s.-]?\d){8}\b/gu, '[phone]'],
  // Any other long run of digits (card numbers, file numbers that may be personal).
  [/\b\d(?:[\s.-]?\d){8,}\b/gu, '[number]'],
];

/** "me llamo X", "my name is X"… in the portal's languages: the name (up to three words) goes. */
const NAME_INTRODUCERS = [
  'me llamo',
  'mi nombre es',
  'soy',
  'em dic',
  'el meu nom és',
  'chámome',
  'chamome',
  'o meu nome é',
  'nire izena',
  'my name is',
  "i'm",
  'i am',
  'call me',
];
const NAME_WORD = "\\p{Lu}[\\p{L}'’-]*";
const NAME_AFTER = new RegExp(
  `(\\b(?i:${NAME_INTRODUCERS.map((phrase) => phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\s+)(${NAME_WORD}(?:\\s+(?:de\\s+|del\\s+|i\\s+|y\\s+)?${NAME_WORD}){0,3})`,
  'gu',
);
/** Basque puts the name before: "Miren naiz", "nire izena Miren da". */
const BASQUE_NAME = new RegExp(`(${NAME_WORD}(?:\\s+${NAME_WORD}){0,3})(\\s+(?:naiz|da)\\b)`, 'gu');

export function anonymise(text: string): string {
  let result = text.normalize('NFC');
  for (const [pattern, placeholder] of RULES) result = result.replace(pattern, placeholder);
  // Only names written with a capital letter after an introducer: "soy autónomo" stays.
  result = result.replace(NAME_AFTER, (match, introducer: string, name: string) =>
    /^\p{Lu}/u.test(name) ? `${introducer}[name]` : match,
  );
  result = result.replace(BASQUE_NAME, (_match, _name: string, verb: string) => `[name]${verb}`);
  return result;
}
