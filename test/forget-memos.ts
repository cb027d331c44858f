// Each test starts with nothing remembered (src/core/memo.ts): under mutation testing a mutant is
// switched on between tests in one process, and a text read before under other code must be read
// again. Loaded by every mutation-testing area (stryker/areas.cjs).
import { forgetRemembered } from '../src/core/memo';

beforeEach(() => forgetRemembered());
