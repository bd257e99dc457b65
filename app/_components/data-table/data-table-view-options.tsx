'use client';

import { Check, Columns3 } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { DropdownMenu } from 'radix-ui';
import type { RowData } from '@tanstack/react-table';
import { buttonClasses } from '@/app/_components/ui/button';
import { cn } from '@/app/_components/ui/cn';
import type { DataTableInstance } from './use-data-table';

/** Which columns show; the choice is kept in the URL (`?hide=email,lastSignInAt`). */
export function DataTableViewOptions<TData extends RowData>({ table }: { table: DataTableInstance<TData> }) {
  const t = useTranslations('dataTable');
  const columns = table.getAllLeafColumns().filter((column) => column.getCanHide());
  if (columns.length === 0) return null;
  return (
    // Not modal and not portalled: the menu stays inside the page's main landmark.
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger className={cn(buttonClasses('secondary', 'sm'), 'data-[state=open]:bg-canvas')}>
        <Columns3 aria-hidden="true" />
        {t('columns')}
      </DropdownMenu.Trigger>
      <DropdownMenu.Content
        align="end"
        sideOffset={6}
        className="z-40 min-w-44 rounded-md border border-border bg-surface p-1 text-sm shadow-lg"
      >
        <DropdownMenu.Label className="px-2 py-1 text-xs text-ink-muted">{t('columnsLabel')}</DropdownMenu.Label>
        {columns.map((column) => {
          const header = column.columnDef.header;
          const label = column.columnDef.meta?.label ?? (typeof header === 'string' ? header : column.id);
          return (
            <DropdownMenu.CheckboxItem
              key={column.id}
              checked={column.getIsVisible()}
              onCheckedChange={(checked) => column.toggleVisibility(checked)}
              // Keep the menu open to change several columns in a row.
              onSelect={(event) => event.preventDefault()}
              className="relative flex cursor-default select-none items-center rounded py-1.5 pl-7 pr-3 text-ink outline-offset-[-2px] data-[highlighted]:bg-accent-soft"
            >
              <DropdownMenu.ItemIndicator className="absolute left-2 inline-flex">
                <Check className="size-4 text-accent" aria-hidden="true" />
              </DropdownMenu.ItemIndicator>
              {label}
            </DropdownMenu.CheckboxItem>
          );
        })}
      </DropdownMenu.Content>
    </DropdownMenu.Root>
  );
}
