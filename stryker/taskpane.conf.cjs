// npm run mutate -- taskpane
module.exports = require('./areas.cjs').config('taskpane');
