/**
 * The scripts written without spaces between their words: Han, Hiragana, Katakana, Thai, Lao,
 * Khmer and Myanmar. Without `vscode` or a package, so the comparison panel's script reads it too.
 */
export const UNSPACED_SCRIPT =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
