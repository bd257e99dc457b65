'use client';

import { Check, ListFilter } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { DropdownMenu } from 'radix-ui';
import { buttonClasses } from '@/app/_components/ui/button';
import { cn } from '@/app/_components/ui/cn';
import type { FacetOption } from '@/app/_components/data-table/data-table-faceted-filter';

type MultiFacetFilterProps = {
  /** The filter's name, e.g. 状态. */
  title: string;
  /** The chosen values as they stand in the URL (`a,b`), or undefined for all. */
  value: string | undefined;
  options: readonly FacetOption[];
  onChange: (value: string | undefined) => void;
};

/**
 * A filter that takes several values of one column (`?status=assigned,in_progress`): a menu of
 * checkboxes that stays open while the user ticks. The button names what is chosen.
 */
export function MultiFacetFilter({ title, value, options, onChange }: MultiFacetFilterProps) {
  const t = useTranslations('dataTable');
  const selected = new Set((value ?? '').split(',').filter(Boolean));
  const chosen = options.filter((option) => selected.has(option.value));
  const summary = chosen.length > 2 ? `${chosen.length}` : chosen.map((option) => option.label).join('、');

  function toggle(optionValue: string, checked: boolean) {
    const next = options.map((o) => o.value).filter((v) => (v === optionValue ? checked : selected.has(v)));
    onChange(next.length ? next.join(',') : undefined);
  }

  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger
        // "Filter: Status" plus exactly the text shown, so the spoken name contains the visible one.
        aria-label={chosen.length ? `${t('filterButton', { title })} ${summary}` : t('filterButton', { title })}
        title={chosen.length ? chosen.map((option) => option.label).join('、') : undefined}
        className={cn(
          buttonClasses('secondary', 'sm'),
          'border-dashed data-[state=open]:bg-canvas',
          chosen.length > 0 && 'border-solid border-accent bg-accent-soft',
        )}
      >
        <ListFilter aria-hidden="true" />
        {title}
        {chosen.length ? <span className="max-w-40 truncate rounded bg-surface px-1.5 text-xs font-medium text-accent">{summary}</span> : null}
      </DropdownMenu.Trigger>
      <DropdownMenu.Content
        align="start"
        sideOffset={6}
        className="z-40 max-h-80 min-w-44 overflow-y-auto rounded-md border border-border bg-surface p-1 text-sm shadow-lg"
      >
        <DropdownMenu.Label className="px-2 py-1 text-xs text-ink-muted">{title}</DropdownMenu.Label>
        <DropdownMenu.Item
          onSelect={() => onChange(undefined)}
          className="relative flex cursor-default select-none items-center rounded py-1.5 pl-7 pr-3 text-ink outline-offset-[-2px] data-[highlighted]:bg-accent-soft"
        >
          {chosen.length === 0 ? <Check className="absolute left-2 size-4 text-accent" aria-hidden="true" /> : null}
          {t('all')}
        </DropdownMenu.Item>
        <DropdownMenu.Separator className="my-1 h-px bg-border" />
        {options.map((option) => (
          <DropdownMenu.CheckboxItem
            key={option.value}
            checked={selected.has(option.value)}
            onCheckedChange={(checked) => toggle(option.value, checked)}
            onSelect={(event) => event.preventDefault()}
            className="relative flex cursor-default select-none items-center rounded py-1.5 pl-7 pr-3 text-ink outline-offset-[-2px] data-[highlighted]:bg-accent-soft"
          >
            <DropdownMenu.ItemIndicator className="absolute left-2 inline-flex">
              <Check className="size-4 text-accent" aria-hidden="true" />
            </DropdownMenu.ItemIndicator>
            {option.label}
          </DropdownMenu.CheckboxItem>
        ))}
      </DropdownMenu.Content>
    </DropdownMenu.Root>
  );
}
