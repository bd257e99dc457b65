'use client';

import { Check, ListFilter } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { DropdownMenu } from 'radix-ui';
import { buttonClasses } from '@/app/_components/ui/button';
import { cn } from '@/app/_components/ui/cn';

export type FacetOption = { value: string; label: string };

type DataTableFacetedFilterProps = {
  /** The filter's name, e.g. 角色. */
  title: string;
  /** The chosen value as it stands in the URL, or undefined for all. */
  value: string | undefined;
  options: readonly FacetOption[];
  onChange: (value: string | undefined) => void;
};

const all = '';

/**
 * A filter over one column's values: a menu of the choices (built from the schema's enum) plus
 * "all". The button shows the current choice, so its name says what is filtered.
 */
export function DataTableFacetedFilter({ title, value, options, onChange }: DataTableFacetedFilterProps) {
  const t = useTranslations('dataTable');
  const chosen = options.find((option) => option.value === value);
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger
        // "Filter: Role", so the button is told apart from the column's sort button "Role".
        aria-label={chosen ? t('filterButtonChosen', { title, value: chosen.label }) : t('filterButton', { title })}
        className={cn(
          buttonClasses('secondary', 'sm'),
          'border-dashed data-[state=open]:bg-canvas',
          chosen && 'border-solid border-accent bg-accent-soft',
        )}
      >
        <ListFilter aria-hidden="true" />
        {title}
        {chosen ? (
<span className="rounded bg-surface px-1.5 text-xs font-medium text-accent">{chosen.label}</span>
        ) : null}
      </DropdownMenu.Trigger>
      <DropdownMenu.Content
        align="start"
        sideOffset={6}
        className="z-40 max-h-[var(--radix-dropdown-menu-content-available-height)] min-w-40 overflow-y-auto rounded-md border border-border bg-surface p-1 text-sm shadow-lg"
      >
        <DropdownMenu.Label className="px-2 py-1 text-xs text-ink-muted">{title}</DropdownMenu.Label>
        <DropdownMenu.RadioGroup value={value ?? all} onValueChange={(next) => onChange(next === all ? undefined : next)}>
          {[{ value: all, label: t('all') }, ...options].map((option) => (
            <DropdownMenu.RadioItem
              key={option.value}
              value={option.value}
              className="relative flex cursor-default select-none items-center rounded py-1.5 pl-7 pr-3 text-ink outline-offset-[-2px] data-[highlighted]:bg-accent-soft data-[state=checked]:font-medium"
            >
              <DropdownMenu.ItemIndicator className="absolute left-2 inline-flex">
                <Check className="size-4 text-accent" aria-hidden="true" />
              </DropdownMenu.ItemIndicator>
              {option.label}
            </DropdownMenu.RadioItem>
          ))}
        </DropdownMenu.RadioGroup>
      </DropdownMenu.Content>
    </DropdownMenu.Root>
  );
}
