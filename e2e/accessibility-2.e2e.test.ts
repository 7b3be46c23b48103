// The accessibility sweep, second half of the pages (e2e/support/pages.ts): every page at an odd
// place in the list. The first half runs beside it in accessibility-1.
import { pages } from './support/pages.ts';
import { sweep } from './support/sweep.ts';

sweep(
  'accessibility: no axe violations (WCAG 2.2 AA) on any page (second half)',
  pages.filter((_, index) => index % 2 === 1),
);
