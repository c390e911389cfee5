// Types of written-number (the package ships none): the written form of a number in a language.
declare module 'written-number' {
  function writtenNumber(n: number, options?: { lang?: string }): string;
  export = writtenNumber;
}
