// The menu of every page, and where the page is in it (issue 23). A partnership's sections are
// grouped so that the menu fits one row on a laptop; a page in a group with several sections
// shows them as a second menu above its content. `aria-current` marks the way to the page:
// "page" on the link to the page itself, "true" on the group and section it is in.
import type { Request } from 'express';
import { allowed } from './platform/http/auth.ts';
import type { Permission } from './platform/http/permissions.ts';

export interface NavigationItem {
  href: string;
  text: string;
  /** In this section (GOV.UK's service navigation: highlighted, `aria-current="true"`). */
  active: boolean;
  /** This very page (`aria-current="page"`). */
  current: boolean;
}

export interface SectionNavigation {
  /** The group's name, the label of the second menu's landmark. */
  label: string;
  items: NavigationItem[];
}

interface Section {
  path: string;
  text: string;
  /** Further addresses that belong to this section (e.g. a body's pages to the structure). */
  also?: string[];
  permission?: Permission;
}

interface Group {
  text: string;
  sections: Section[];
}

/** A partnership's sections in their groups, in the menu's order. */
export const partnershipGroups: readonly Group[] = [
  {
    text: 'Structure and people',
    sections: [
      { path: '/structure', text: 'Structure', also: ['/bodies'] },
      { path: '/organisations', text: 'Organisations' },
      { path: '/people', text: 'People' },
      { path: '/compliance', text: 'Compliance' },
    ],
  },
  {
    text: 'Meetings',
    sections: [
      { path: '/meetings', text: 'Meetings' },
      { path: '/actions', text: 'Actions' },
      { path: '/consultations', text: 'Consultations' },
    ],
  },
  {
    text: 'Plan and performance',
    sections: [
      { path: '/plans', text: 'Plans', also: ['/accountability', '/highlight', '/exceptions'] },
      { path: '/indicators', text: 'Indicators' },
      { path: '/benchmarking', text: 'Benchmarking' },
      { path: '/resources', text: 'Resources', also: ['/funds', '/pledges', '/commissioned-services'] },
    ],
  },
  {
    text: 'Surveys and voice',
    sections: [
      { path: '/surveys', text: 'Surveys' },
      { path: '/survey-invitations', text: 'Surveys to answer' },
      { path: '/voice', text: 'Young people’s voice' },
    ],
  },
  {
    text: 'Settings',
    sections: [
      { path: '/users', text: 'Users', permission: 'users.manage' },
      { path: '/audit', text: 'Audit trail', permission: 'audit.read' },
      { path: '/mail', text: 'Outbox', permission: 'audit.read' },
      { path: '/public-site', text: 'Public pages', permission: 'partnership.settings' },
      { path: '/edit', text: 'Partnership details', permission: 'partnership.settings' },
    ],
  },
];

const within = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);

/** The whole path of the request: `req.path` is relative to the router that answers it. */
export const fullPathOf = (req: Request): string => {
  const path = req.originalUrl.split('?')[0]!;
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
};

export interface Navigation {
  /** The menu (GOV.UK service navigation items). */
  menu: NavigationItem[];
  /** The sections of the group the page is in, when it has more than one. */
  sections: SectionNavigation | null;
}

export function navigationFor(req: Request): Navigation {
  const path = fullPathOf(req);
  const item = (href: string, text: string, active: boolean): NavigationItem => ({
    href,
    text,
    active: active || path === href,
    current: path === href,
  });
  if (!req.user)
    return {
      menu: [item('/authorities', 'Local authorities', within(path, '/authorities'))],
      sections: null,
    };
  if (!req.tenant)
    return {
      menu: [
        item('/', 'Partnerships', path === '/partnerships'),
        item('/authorities', 'Local authorities', within(path, '/authorities')),
        item('/account/tokens', 'API tokens', within(path, '/account/tokens')),
        item('/account/calendar', 'Your calendar', within(path, '/account/calendar')),
        item('/account/mail', 'Your e-mails', within(path, '/account/mail')),
        ...(req.user.platformAdmin
          ? [item('/platform/audit', 'Platform audit trail', within(path, '/platform/audit'))]
          : []),
      ],
      sections: null,
    };
  const base = `/partnerships/${req.tenant.slug}`;
  const here = path.slice(base.length);
  const menu = [item(base, 'Overview', false)];
  let sections: SectionNavigation | null = null;
  for (const group of partnershipGroups) {
    const open = group.sections.filter((section) => !section.permission || allowed(req, section.permission));
    if (!open.length) continue;
    const inSection = (section: Section) =>
      [section.path, ...(section.also ?? [])].some((prefix) => within(here, prefix));
    const inGroup = path.startsWith(`${base}/`) && open.some(inSection);
    menu.push(item(`${base}${open[0]!.path}`, group.text, inGroup));
    if (inGroup && open.length > 1)
      sections = {
        label: group.text,
        items: open.map((section) => item(`${base}${section.path}`, section.text, inSection(section))),
      };
  }
  return { menu, sections };
}
