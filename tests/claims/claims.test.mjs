/**
 * The pages' teaching claims, checked against the engine. Every sentence marked `data-claim`
 * (or a JS text with `claim:`) has a check here that runs the engine under the sentence's own
 * settings over several seeds; a marked claim without a check, or a check whose claim is gone,
 * fails; the English and Korean versions of each claim must state the same numbers.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { findClaims, numbersOf } from "./sources.mjs";
import { checks as playground } from "./checks/playground.mjs";
import { checks as normalization } from "./checks/normalization.mjs";
import { checks as initialization } from "./checks/initialization.mjs";
import { checks as backprop } from "./checks/backprop.mjs";
import { checks as lecture } from "./checks/lecture.mjs";

const CHECKS = { ...playground, ...normalization, ...initialization, ...backprop, ...lecture };
const claims = findClaims();

test("every marked claim has a check, and every check a marked claim", () => {
  const marked = claims.map((c) => c.id);
  assert.deepEqual(marked.filter((id) => !CHECKS[id]), [], "claims without a check");
  assert.deepEqual(Object.keys(CHECKS).filter((id) => !marked.includes(id)), [], "checks without a claim");
  assert.equal(new Set(marked).size, marked.length, `a claim id is used twice: ${marked}`);
});

for (const claim of claims) {
  test(`${claim.id} (${claim.where}): English and Korean state the same numbers`, () => {
    assert.ok(claim.english.length > 0, "the claim's English text was found");
    assert.deepEqual(claim.untranslated, [], "every part has its Korean");
    const sorted = (text) => numbersOf(text).sort();
    assert.deepEqual(sorted(claim.korean), sorted(claim.english), `EN: ${claim.english}\nKO: ${claim.korean}`);
  });
  test(`${claim.id} (${claim.where}): holds in the engine`, () => {
    assert.ok(CHECKS[claim.id], "has a check");
    CHECKS[claim.id](claim);
  });
}
