// CPU time per thread of a Node process, printed at exit (Linux: /proc/self/task). Preload it:
//   node -r ./scripts/thread-cpu.js bin/chitieu.js check --jobs 1 …
// "main" is the JavaScript thread; "other" are V8's and libuv's helper threads (the optimising
// compiler, the concurrent garbage collector, file reads).
'use strict';
const fs = require('fs');

const TICKS = 100; // clock ticks per second (USER_HZ), 100 on Linux

process.on('exit', () => {
  let main = 0;
  let other = 0;
  for (const tid of fs.readdirSync('/proc/self/task')) {
    let stat;
    try {
      stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    } catch {
      continue; // the thread ended meanwhile
    }
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const seconds = (Number(fields[11]) + Number(fields[12])) / TICKS; // utime + stime
    if (Number(tid) === process.pid) main += seconds;
    else other += seconds;
  }
  process.stderr.write(`CPU: main thread ${main.toFixed(2)} s, other threads ${other.toFixed(2)} s, total ${(main + other).toFixed(2)} s\n`);
});
