import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";

import { type CsvColumn, neutraliseFormula, toCsv } from "@/lib/csv/to-csv";

type Row = { name: string; score: number | null };

const columns: CsvColumn<Row>[] = [
  { header: "Name", value: (row) => row.name },
  { header: "Score", value: (row) => row.score },
];

function readBack(csv: string): string[][] {
  return parse(csv, { bom: true });
}

const formulaTriggers = [
  "=1+1",
  "+1",
  "-1+2",
  "@SUM(A1)",
  "\t=1",
  "\r=1",
  "\uFF1D1",
  "  =1",
  '=HYPERLINK("http://x","y")',
];

describe("toCsv", () => {
  it("writes the header row first", () => {
    const csv = toCsv([{ name: "Ada", score: 3 }], columns, { bom: false });
    expect(csv.split("\r\n")[0]).toBe("Name,Score");
  });

  it("gives only the header row when there are no rows", () => {
    expect(toCsv([], columns)).toBe("\uFEFFName,Score\r\n");
  });

  it("ends every record with CRLF and never a bare LF", () => {
    const csv = toCsv(
      [
        { name: "Ada", score: 3 },
        { name: "Grace", score: 4 },
      ],
      columns,
      { bom: false },
    );
    expect(csv).toBe("Name,Score\r\nAda,3\r\nGrace,4\r\n");
  });

  it("starts with a byte order mark by default", () => {
    expect(toCsv([], columns).startsWith("\uFEFF")).toBe(true);
  });

  it("leaves out the byte order mark when asked to", () => {
    expect(toCsv([], columns, { bom: false }).startsWith("Name")).toBe(true);
  });

  it("reads back tricky text exactly as it went in", () => {
    const names = [
      "Smith, Jane",
      'Jane "JJ" Smith',
      "two\nlines",
      "two\r\nlines",
      "Zoë Ørsted-Łukasiewicz",
      "Nurse 👩🏽‍⚕️ on call",
      "  leading spaces",
      "trailing spaces  ",
      "",
      "'already quoted",
    ];
    const rows = names.map((name) => ({ name, score: 1 }));
    expect(readBack(toCsv(rows, columns))).toEqual([
      ["Name", "Score"],
      ...names.map((name) => [name, "1"]),
    ]);
  });

  it("reads back every formula trigger with a single quote in front", () => {
    const rows = formulaTriggers.map((name) => ({ name, score: 0 }));
    const names = readBack(toCsv(rows, columns))
      .slice(1)
      .map((record) => record[0]);
    expect(names).toEqual(formulaTriggers.map((name) => `'${name}`));
  });

  it("quotes every neutralised cell", () => {
    const csv = toCsv([{ name: "+1", score: 0 }], columns, { bom: false });
    expect(csv).toBe('Name,Score\r\n"\'+1",0\r\n');
  });

  it("writes negative numbers as plain numbers", () => {
    const csv = toCsv(
      [
        { name: "a", score: -0.25 },
        { name: "b", score: -3 },
      ],
      columns,
      { bom: false },
    );
    expect(csv).toBe("Name,Score\r\na,-0.25\r\nb,-3\r\n");
  });

  it("writes null and undefined as empty fields", () => {
    const csv = toCsv(
      [{ name: "a" }],
      [
        { header: "Nothing", value: () => null },
        { header: "Missing", value: () => undefined },
      ],
      { bom: false },
    );
    expect(csv).toBe("Nothing,Missing\r\n,\r\n");
  });

  it("writes booleans as true and false", () => {
    const csv = toCsv(
      [true, false],
      [{ header: "Passed", value: (passed) => passed }],
      { bom: false },
    );
    expect(csv).toBe("Passed\r\ntrue\r\nfalse\r\n");
  });

  it("leaves non-finite numbers empty", () => {
    const csv = toCsv(
      [Number.NaN, Infinity, -Infinity],
      [{ header: "n", value: (n) => n }],
      { bom: false },
    );
    expect(csv).toBe("n\r\n\r\n\r\n\r\n");
  });

  it("keeps up to four decimals without trailing zeros or exponents", () => {
    const values = [0.5, 1 / 3, 2.00001, -0.00001, 1e-7, 1e21, 42];
    const csv = toCsv(values, [{ header: "n", value: (n) => n }], {
      bom: false,
    });
    expect(csv.split("\r\n").slice(1, -1)).toEqual([
      "0.5",
      "0.3333",
      "2",
      "0",
      "0",
      "1000000000000000000000",
      "42",
    ]);
  });

  it("accepts any iterable of rows", () => {
    function* generate(): Generator<Row> {
      yield { name: "Ada", score: 1 };
    }
    expect(toCsv(generate(), columns, { bom: false })).toBe(
      "Name,Score\r\nAda,1\r\n",
    );
  });
});

describe("neutraliseFormula", () => {
  it.each(formulaTriggers)("prefixes %j with a single quote", (text) => {
    expect(neutraliseFormula(text)).toBe(`'${text}`);
  });

  it.each(["\uFF0B1", "\uFF0D1", "\uFF20SUM(A1)", "\u00A0=1"])(
    "prefixes the full-width or space-led %j too",
    (text) => {
      expect(neutraliseFormula(text)).toBe(`'${text}`);
    },
  );

  it.each(["Ada", "1+1", "a=b", "", "'=1"])("leaves %j alone", (text) => {
    expect(neutraliseFormula(text)).toBe(text);
  });

  it("is idempotent", () => {
    const once = neutraliseFormula("=1");
    expect(neutraliseFormula(once)).toBe(once);
  });
});
