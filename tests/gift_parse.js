// Read GIFT on standard input, parse it with gift-pegjs, print the questions as JSON.
// A syntax error goes to standard error with a non-zero exit, as node reports any throw.
//
// gift-pegjs 1.0.2 leaves the right side of a matching pair in the placeholder form its
// grammar uses while parsing ("&&123;" for an escaped "{"); everywhere else it turns the
// placeholders back itself. The same table (escapedCharacterDecode in GIFT.pegjs) is applied
// here so the test sees the text Moodle would store.
"use strict";

const path = require("path");
const { parse } = require(path.join(__dirname, ".node", "node_modules", "gift-pegjs"));

const PLACEHOLDERS = [
  ["&&092;", "\\"], ["&&058;", ":"], ["&&035;", "#"], ["&&061;", "="],
  ["&&123;", "{"], ["&&125;", "}"], ["&&126;", "~"], ["&&010", "\n"],
];

function decode(text) {
  return PLACEHOLDERS.reduce((t, [code, char]) => t.split(code).join(char), text);
}

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const questions = parse(input);
  for (const q of questions) {
    for (const pair of q.matchPairs || []) pair.subanswer = decode(pair.subanswer);
  }
  process.stdout.write(JSON.stringify(questions));
});
