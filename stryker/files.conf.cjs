// npm run mutate -- files
module.exports = require('./areas.cjs').config('files');
