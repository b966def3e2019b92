// `npm start`: the embedded default. One day of a shipped real trace (the 1998 World Cup semi-final flash crowd)
// through the controller and every baseline in the simulated world, with the shipped config; no AWS account.
import { join } from 'node:path';
import { main } from './main';
import { ROOT } from './paths';

const TRACE = join(ROOT, 'traces/worldcup98-1998-07-06-semifinal-flash-crowd.csv');
const REPORT = join(ROOT, 'reports/simulation.html');

void main(['simulate', '--trace', TRACE, '--day', '1998-07-07', '--report', REPORT, ...process.argv.slice(2)]).then((code) => {
  process.exitCode = code;
});
