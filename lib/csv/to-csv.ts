export type CsvValue = string | number | boolean | null | undefined;

export type CsvColumn<Row> = {
  header: string;
  value: (row: Row) => CsvValue;
};

export type CsvOptions = {
  /** Start with U+FEFF so Excel decodes the file as UTF-8 (default true). */
  bom?: boolean;
};

const BOM = "\uFEFF";
const RECORD_END = "\r\n";

/*
 * A text cell is run as a formula when its first character is one of
 * = + - @ (or their full-width forms, which some spreadsheets also accept),
 * or a tab or carriage return. Leading whitespace is also matched because
 * some importers trim it before deciding, so "  =1" would still run.
 */
const FORMULA_TRIGGER = /^[\t\r]|^\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;

/** Characters RFC 4180 must quote, or edge whitespace a reader may trim. */
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/**
 * Neutralises a cell a spreadsheet would run as a formula (OWASP CSV
 * injection guidance): a leading single quote makes the spreadsheet read the
 * cell as literal text. Text that is already safe is returned unchanged, so
 * the function is idempotent.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_TRIGGER.test(text) ? `'${text}` : text;
}

/**
 * RFC 4180 CSV: a header row, CRLF line ends, fields quoted when needed,
 * UTF-8 with a BOM so Excel reads accents right.
 *
 * Every record, the last included, ends with CRLF; RFC 4180 allows this and
 * it keeps an export with no rows a well-formed one-line file.
 */
export function toCsv<Row>(
  rows: Iterable<Row>,
  columns: CsvColumn<Row>[],
  options: CsvOptions = {},
): string {
  const lines = [formatRecord(columns.map((column) => column.header))];
  for (const row of rows) {
    lines.push(formatRecord(columns.map((column) => column.value(row))));
  }
  const bom = (options.bom ?? true) ? BOM : "";
  return bom + lines.map((line) => line + RECORD_END).join("");
}

function formatRecord(values: CsvValue[]): string {
  return values.map(formatField).join(",");
}

/*
 * Only text is neutralised. Numbers and booleans are rendered here, so their
 * output is limited to digits, "-", "." and the words true/false and can never
 * hold a formula; prefixing them would turn -0.25 into text that a
 * spreadsheet no longer sums. Headers go through the same path as text cells.
 */
function formatField(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return formatNumber(value);
  if (typeof value === "boolean") return String(value);
  return formatText(value);
}

/*
 * A neutralised cell is always quoted, whether or not it needs it. The quote
 * prefix is what stops the formula (a parser strips the double quotes before
 * the spreadsheet sees the value, so quoting alone protects nothing), but
 * OWASP recommends both together, and quoting keeps the prefix and the text
 * after it one field for readers that are loose with unquoted fields.
 */
function formatText(text: string): string {
  const safe = neutraliseFormula(text);
  return safe !== text || NEEDS_QUOTES.test(safe) ? quote(safe) : safe;
}

function quote(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

/*
 * NaN and the infinities have no meaning in a spreadsheet, so they become
 * empty cells. Integers go through BigInt so even 1e21 and above are written
 * out in full rather than in exponent form. Other numbers are below 2^53
 * (every larger double is an integer), so toFixed never uses an exponent for
 * them; four decimals is enough for scores and proportions, and trailing
 * zeros are dropped so 0.5 stays "0.5". A value that rounds to zero is
 * written "0", not "-0".
 */
function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return "";
  if (Number.isInteger(value)) return BigInt(value).toString();
  const fixed = value.toFixed(4).replace(/0+$/, "").replace(/\.$/, "");
  return fixed === "-0" ? "0" : fixed;
}
