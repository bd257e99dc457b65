import type { Ref } from 'react';
import { useTranslations } from 'next-intl';
import { type ControlProps, inputClasses } from '@/app/_components/ui/field';
import type { DepartmentChoice } from './add-venue-form';

const departmentKinds = ['department', 'district', 'office'] as const;

/** A department picker's options, grouped by kind (部门 / 区县 / 办公室). */
export function DepartmentOptions({ departments }: { departments: DepartmentChoice[] }) {
  const tKinds = useTranslations('departmentKinds');
  return departmentKinds.map((kind) => {
    const group = departments.filter((d) => d.kind === kind);
    return group.length ? (
      <optgroup key={kind} label={tKinds(kind)}>
        {group.map((d) => (
          <option key={d.id} value={d.id}>
            {d.label}
          </option>
        ))}
      </optgroup>
    ) : null;
  });
}

type DepartmentSelectProps = ControlProps & { departments: DepartmentChoice[]; defaultValue?: string; 'aria-label'?: string; ref?: Ref<HTMLSelectElement> };

/** A required department picker: "choose" first, then the departments by kind. */
export function DepartmentSelect({ departments, defaultValue, ...control }: DepartmentSelectProps) {
  const t = useTranslations('requestedActions.fields');
  return (
    <select {...control} defaultValue={defaultValue ?? ''} className={inputClasses}>
      <option value="" disabled>
        {t('choose')}
      </option>
      <DepartmentOptions departments={departments} />
    </select>
  );
}
