/**
 * The name a source is shown by: its file name. A URI's `path` is already decoded, so it is
 * taken as it is: decoding it again would misread a name such as `100%.txt` or `a%20b.txt`.
 */
export function sourceName(uri: { readonly path: string; toString(): string }): string {
  const parts = uri.path.split('/');
  return parts[parts.length - 1] || uri.toString();
}
