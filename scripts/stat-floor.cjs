// The least a freshness check of a folder can cost: list it and stat every file.
const fs = require('node:fs');
const dir = process.argv[2];
for (const name of fs.readdirSync(dir)) fs.statSync(`${dir}/${name}`);
