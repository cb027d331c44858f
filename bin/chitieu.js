#!/usr/bin/env node
'use strict';
const path = require('path');
const fs = require('fs');
const entry = path.join(__dirname, '..', 'dist', 'src', 'cli', 'main.js');
if (!fs.existsSync(entry)) {
  process.stderr.write('chitieu chưa được biên dịch: chạy "npm ci" (hoặc "npm run build:cli") trong thư mục dự án.\n');
  process.exit(2);
}
require(entry)
  .main(process.argv.slice(2))
  .then((code) => process.exit(code));
