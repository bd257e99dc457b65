import {
  Building2,
  CalendarDays,
  ChartColumn,
  ClipboardList,
  FileChartColumn,
  LayoutDashboard,
  Settings,
  type LucideIcon,
} from 'lucide-react';

export type NavKey = 'dashboard' | 'conferences' | 'tasks' | 'myDepartment' | 'reports' | 'indicators' | 'admin';

export type NavItem = { key: NavKey; href: string; icon: LucideIcon };

// Every area of the product. Hiding the ones a role may not use comes with sign-in (issue #3).
export const navItems: readonly NavItem[] = [
  { key: 'dashboard', href: '/dashboard', icon: LayoutDashboard },
  { key: 'conferences', href: '/conferences', icon: CalendarDays },
  { key: 'tasks', href: '/tasks', icon: ClipboardList },
  { key: 'myDepartment', href: '/my-department', icon: Building2 },
  { key: 'reports', href: '/reports', icon: FileChartColumn },
  { key: 'indicators', href: '/indicators', icon: ChartColumn },
  { key: 'admin', href: '/admin', icon: Settings },
];

/** True on the area's own page and on every page below it. */
export function isActive(href: string, pathname: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}
