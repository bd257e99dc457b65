import {
  Building2,
  CalendarDays,
  ChartColumn,
  ClipboardList,
  Contact,
  FileChartColumn,
  LayoutDashboard,
  ScrollText,
  Settings,
  type LucideIcon,
} from 'lucide-react';

export type NavKey = 'dashboard' | 'conferences' | 'people' | 'tasks' | 'myDepartment' | 'reports' | 'indicators' | 'audit' | 'admin';

export type NavItem = { key: NavKey; href: string; icon: LucideIcon };

// Every area of the product; the shell shows those the user's role may open (_shell-user.ts).
export const navItems: readonly NavItem[] = [
  { key: 'dashboard', href: '/dashboard', icon: LayoutDashboard },
  { key: 'conferences', href: '/conferences', icon: CalendarDays },
  { key: 'people', href: '/people', icon: Contact },
  { key: 'tasks', href: '/tasks', icon: ClipboardList },
  { key: 'myDepartment', href: '/my-department', icon: Building2 },
  { key: 'reports', href: '/reports', icon: FileChartColumn },
  { key: 'indicators', href: '/indicators', icon: ChartColumn },
  { key: 'audit', href: '/audit', icon: ScrollText },
  { key: 'admin', href: '/admin', icon: Settings },
];

/** True on the area's own page and on every page below it. */
export function isActive(href: string, pathname: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}
