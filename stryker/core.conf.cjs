// npm run mutate -- core
module.exports = require('./areas.cjs').config('core');
