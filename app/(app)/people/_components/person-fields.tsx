'use client';

import { useTranslations } from 'next-intl';
import { Field, inputClasses } from '@/app/_components/ui/field';
import { personFieldNames } from '@/lib/validation/people';

const maxLengths: Record<(typeof personFieldNames)[number], number> = { name: 60, nameEn: 120, position: 120, positionEn: 200, organization: 200, organizationEn: 300 };

/** Name, position and organization, each in Chinese and in English. */
export function PersonFields({ values, errors }: { values: Record<string, string>; errors?: Record<string, string[]> }) {
  const t = useTranslations('people.fields');
  return (
    <div className="grid gap-5 sm:grid-cols-2">
      {personFieldNames.map((name) => (
        <Field key={name} label={t(name)} name={name} errors={errors?.[name]} required={name === 'name'}>
          {(control) => (
            <input {...control} lang={name.endsWith('En') ? 'en' : undefined} defaultValue={values[name]} autoComplete="off" maxLength={maxLengths[name]} className={inputClasses} />
          )}
        </Field>
      ))}
    </div>
  );
}
