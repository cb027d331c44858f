// npm run mutate -- cli
module.exports = require('./areas.cjs').config('cli');
