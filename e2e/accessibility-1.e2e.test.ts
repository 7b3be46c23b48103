// The accessibility sweep, first half of the pages (e2e/support/pages.ts): every page at an even
// place in the list. The other half runs beside it in accessibility-2.
import { pages } from './support/pages.ts';
import { sweep } from './support/sweep.ts';

sweep(
  'accessibility: no axe violations (WCAG 2.2 AA) on any page (first half)',
  pages.filter((_, index) => index % 2 === 0),
);
