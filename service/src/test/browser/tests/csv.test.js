// The restrictions CSV the page builds from a result is the command line's, byte for byte: one solve
// writes both the result (-o) and its CSV (--restrictions-csv); the page's csv.js rebuilds the CSV from
// that result. No browser needed: csv.js is a plain module.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { cli, fixtures, repoRoot, scratch } from './browser.js';

const { restrictionsCsv } = await import(path.join(repoRoot, 'service/src/main/resources/static/js/csv.js'));

for (const sample of ['sample3', 'sample4.fixedplan']) {
  test(`the CSV built in the browser equals the command line's for ${sample}`, () => {
    const dir = scratch('csv');
    const result = path.join(dir, `${sample}.result.json`);
    const csv = path.join(dir, `${sample}.csv`);
    cli('solve', path.join(fixtures, `inputs/${sample}.json`), '-o', result, '--restrictions-csv', csv,
      '--time-limit', '30s', '--threads', '1');
    const ours = restrictionsCsv(JSON.parse(readFileSync(result, 'utf8')));
    assert.ok(ours.split('\n').length > 3);
    assert.equal(ours, readFileSync(csv, 'utf8'));
  });
}

test('a failed run has no restrictions CSV', () => {
  assert.equal(restrictionsCsv({ Succeeded: false }), null);
});
