#!/usr/bin/env node
// `npm run demo`: the check on the bundled samples. The samples hold errors on purpose, so
// finding them (exit 1 from the command) is the demo working; only "could not run" fails it.
'use strict';
const path = require('path');
const root = path.join(__dirname, '..');
const { main } = require(path.join(root, 'dist', 'src', 'cli', 'main.js'));
main(['check', '--rules', path.join(root, 'examples', 'chi-tieu-2023.xlsx'), '--out', path.join(root, 'out'), path.join(root, 'examples', 'bao-cao')]).then((code) => {
  process.exit(code <= 1 ? 0 : code);
});
