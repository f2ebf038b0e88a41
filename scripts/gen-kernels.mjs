#!/usr/bin/env node
// `npm run gen`: emits the per-dtype kernel files (`src/**/*.gen.ts`) from the templates in scripts/templates/.
// `npm run gen -- --check` writes nothing and exits 1 when a generated file differs from what its template
// makes now (npm test runs this check through test/internal/generated.test.ts).
//
// A template is a module in scripts/templates/ whose default export is
//   { output: 'src/<capability>/<name>.gen.ts', render(ctx) => string }
// `render` gets the dtype table (ctx.dtypes, read from src/dtype.ts so the facts are written once) and returns
// the whole file text after the header. docs/internals/design.md ("One specialisation mechanism") says how to
// add one.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const templatesDir = join(root, 'scripts', 'templates');

/** Upper-camel name of a dtype: int8 → Int8, float64 → Float64. */
const pascal = (s) => s[0].toUpperCase() + s.slice(1);

/** The generation context: the dtype table of src/dtype.ts, with the spellings templates need. */
export async function context() {
  const { DTYPES, DTYPE_NAMES } = await tsImport(pathToFileURL(join(root, 'src', 'dtype.ts')).href, import.meta.url);
  const dtypes = DTYPE_NAMES.map((name) => {
    const d = DTYPES[name];
    const lit = (v) => (typeof v === 'bigint' ? `${v}n` : Number.isFinite(v) ? String(v) : v > 0 ? 'Infinity' : '-Infinity');
    return {
      dtype: name,
      Name: pascal(name),
      typecode: d.typecode,
      Array: d.ctor.name,
      bytes: d.bytes,
      integer: d.integer,
      bigint: d.bigint,
      signed: d.signed,
      value: d.bigint ? 'bigint' : 'number',
      zero: d.bigint ? '0n' : '0',
      min: lit(d.min),
      max: lit(d.max),
    };
  });
  return { dtypes, pascal };
}

/** The header every generated file starts with. */
export function header(templateFile) {
  return (
    `// GENERATED FILE, DO NOT EDIT. Made by scripts/gen-kernels.mjs from ${templateFile};\n` +
    '// change the template and run `npm run gen` (test/internal/generated.test.ts fails when this file is stale).\n'
  );
}

/** Every template: `{ file, output, text }` with the text it generates now. */
export async function generateAll() {
  const ctx = await context();
  const out = [];
  for (const f of readdirSync(templatesDir)
    .filter((n) => n.endsWith('.mjs'))
    .sort()) {
    const { default: t } = await import(pathToFileURL(join(templatesDir, f)).href);
    const file = relative(root, join(templatesDir, f)).split('\\').join('/');
    out.push({ file, output: t.output, text: header(file) + t.render(ctx) });
  }
  return out;
}

/** Generated files that differ from their templates' output now (paths relative to the repository). */
export async function staleFiles() {
  const stale = [];
  for (const g of await generateAll()) {
    let now;
    try {
      now = readFileSync(join(root, g.output), 'utf8');
    } catch {
      now = undefined;
    }
    if (now !== g.text) stale.push(g.output);
  }
  return stale;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes('--check')) {
    const stale = await staleFiles();
    if (stale.length) {
      process.stderr.write(`generated files are stale (run npm run gen): ${stale.join(', ')}\n`);
      process.exit(1);
    }
    process.stdout.write('generated files are current\n');
  } else {
    for (const g of await generateAll()) {
      writeFileSync(join(root, g.output), g.text);
      process.stdout.write(`${g.output} (from ${g.file})\n`);
    }
  }
}
