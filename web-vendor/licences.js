// Prints the name, version, licence and licence text of every package the web app ships (the production
// dependencies in package-lock.json), for src/bilateral/web/static/vendor/THIRD-PARTY-LICENSES.txt.
const fs = require("fs");
const path = require("path");

const lock = JSON.parse(fs.readFileSync("package-lock.json", "utf8"));
const out = [];
for (const [where, info] of Object.entries(lock.packages).sort()) {
  if (!where || info.dev) continue;
  const folder = path.join(".", where);
  const name = where.replace(/^.*node_modules\//, "");
  const texts = fs.existsSync(folder)
    ? fs.readdirSync(folder).filter((f) => /^(licen[cs]e|copying)/i.test(f))
    : [];
  out.push(`${name} ${info.version} — ${info.license || "see text"}`);
  for (const file of texts) out.push(fs.readFileSync(path.join(folder, file), "utf8").trim());
  out.push("-".repeat(72));
}
process.stdout.write(out.join("\n") + "\n");
