/**
 * Quotation marks as languages pair them: English ‘’ and “”, German „“ and ‚‘ (and the same with
 * right marks), French «», Danish and German »«, their single forms ‹› and ›‹, Chinese and
 * Japanese 「」 and 『』. Read by the story titles (a title never stops inside a quotation) and
 * the changed facts (a fact never shows a mark without its pair).
 */

/** Per opening quotation mark, the marks that close it. */
export const QUOTE_CLOSERS: Readonly<Record<string, string>> = {
  '‘': '’',
  '“': '”',
  '„': '“”',
  '‚': '‘’',
  '«': '»',
  '»': '«',
  '‹': '›',
  '›': '‹',
  '「': '」',
  '『': '』',
};
