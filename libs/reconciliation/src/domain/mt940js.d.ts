// mt940js ships no types; only what parseMt940Statement reads is declared.
declare module 'mt940js' {
  export class Parser {
    parse(text: string): unknown[];
  }
  const mt940: { Parser: typeof Parser };
  export default mt940;
}
