// Generates answers from a JSON Schema with json-schema-faker, an independent tool, for the .NET
// schema-conformance test (tests/Madoguchi.Tests/Forms/Engine/FormSchemaTests.cs).
// Usage: node generate-answers.cjs <schema.json> <count> <seed>  → prints a JSON array of answers.
'use strict';
const fs = require('fs');
const { JSONSchemaFaker } = require('json-schema-faker');

// json-schema-faker's bundled randexp draws pattern characters from printable ASCII only, so no name
// in katakana could ever be generated. It reads a `defaultRange` property of the pattern string: give
// it printable ASCII plus kana, common kanji and full-width forms, built with randexp's own DRange
// class (caught the first time randexp stores its default range in `_range`).
let DRange;
Object.defineProperty(Object.prototype, '_range', {
  configurable: true,
  get() { return undefined; },
  set(value) {
    DRange = DRange || value.constructor;
    Object.defineProperty(this, '_range', { value, writable: true, configurable: true, enumerable: false });
  },
});
Object.defineProperty(String.prototype, 'defaultRange', {
  configurable: true,
  get() { return DRange ? new DRange(32, 126).add(0x3000, 0x30FF).add(0x4E00, 0x4FFF).add(0xFF01, 0xFF5E) : undefined; },
});
JSONSchemaFaker.generate({ type: 'string', pattern: '^a$' });

const [schemaPath, countText, seedText] = process.argv.slice(2);
const schema = JSON.parse(fs.readFileSync(schemaPath, 'utf8'));
const count = Number(countText || 100);
let seed = Number(seedText || 1) >>> 0;

// A small deterministic generator so a failing run can be repeated.
function random() {
  seed = (seed + 0x6D2B79F5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

JSONSchemaFaker.option({
  random,
  failOnInvalidTypes: false,
  failOnInvalidFormat: false,
  useExamplesValue: false,
  maxItems: 4,
  maxLength: 40,
});

const answers = [];
let failed = 0;
for (let i = 0; i < count; i++) {
  // Vary how many optional answers are filled: none, some, all.
  JSONSchemaFaker.option({ optionalsProbability: [0, 0.5, 1][i % 3], alwaysFakeOptionals: i % 3 === 2 });
  try {
    answers.push(JSONSchemaFaker.generate(schema));
  } catch (e) {
    failed++;
  }
}
if (failed > 0) process.stderr.write(`json-schema-faker could not generate ${failed} of ${count} answers\n`);
process.stdout.write(JSON.stringify(answers));
