// npm run mutate -- excel
module.exports = require('./areas.cjs').config('excel');
