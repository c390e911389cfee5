/**
 * The name a source is shown by: its file name. A URI's `path` is already decoded, so it is
 * taken as it is: decoding it again would misread a name such as `100%.txt` or `a%20b.txt`.
 */
export function sourceName(uri: { readonly path: string; toString(): string }): string {
  const parts = uri.path.split('/');
  return parts[parts.length - 1] || uri.toString();
}

/**
 * A source's name in the pieces between which a line may break: after each underscore, which
 * file names use to join their words and at which browsers do not break, and before the
 * extension. A name too long for its column header then breaks between words ("000_",
 * "2e221a3ec277473a.txt") or, for a word too long itself, before ".txt", rather than before its
 * last letters (a lone "t" on a line of its own).
 */
export function nameBreakPieces(name: string): string[] {
  return name.split(/(?<=_)(?=.)|(?<=.)(?=\.[^._]+$)/);
}
