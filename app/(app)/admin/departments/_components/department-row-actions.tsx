'use client';

import { useActionState, useEffect, useRef, useState } from 'react';
import { ArrowDown, ArrowUp, Pencil } from 'lucide-react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { Button, buttonClasses } from '@/app/_components/ui/button';
import { cn } from '@/app/_components/ui/cn';
import { moveDepartmentAction, setDepartmentActiveAction } from '../actions';

type Props = {
  department: { id: number; version: number; active: boolean };
  /** The department's name in the reader's language, for the buttons' accessible names. */
  name: string;
  canMove: boolean;
};

/** Move up / down among its siblings, deactivate or reactivate, edit. */
export function DepartmentRowActions({ department, name, canMove }: Props) {
  const t = useTranslations('adminDepartments');
  const [moveState, moveAction, moving] = useActionState(moveDepartmentAction, null);
  const [activeState, activeAction, switching] = useActionState(setDepartmentActiveAction, null);
  const upRef = useRef<HTMLButtonElement>(null);
  const downRef = useRef<HTMLButtonElement>(null);
  const [direction, setDirection] = useState<'up' | 'down'>('up');
  const error = [activeState, moveState].find((s) => s && !s.ok);

  // Moving the row moves its DOM node, which drops focus: put it back on the button just used.
  useEffect(() => {
    if (!moveState?.ok || (document.activeElement && document.activeElement !== document.body)) return;
    (direction === 'up' ? upRef : downRef).current?.focus();
  }, [moveState, direction]);
  const unmoved = moveState?.ok && moveState.data.done === 'unmoved';

  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex items-center justify-end gap-1 whitespace-nowrap">
        {canMove ? (
          <form action={moveAction} className="flex gap-1">
            <input type="hidden" name="id" value={department.id} />
            <Button ref={upRef} onClick={() => setDirection('up')} type="submit" name="direction" value="up" variant="ghost" size="sm" className="w-8 px-0" disabled={moving} aria-label={t('moveUp', { name })} title={t('moveUp', { name })}>
              <ArrowUp aria-hidden="true" />
            </Button>
            <Button ref={downRef} onClick={() => setDirection('down')} type="submit" name="direction" value="down" variant="ghost" size="sm" className="w-8 px-0" disabled={moving} aria-label={t('moveDown', { name })} title={t('moveDown', { name })}>
              <ArrowDown aria-hidden="true" />
            </Button>
          </form>
        ) : null}
        <form action={activeAction}>
          <input type="hidden" name="id" value={department.id} />
          <input type="hidden" name="version" value={department.version} />
          <input type="hidden" name="active" value={String(!department.active)} />
          <Button
            type="submit"
            variant="ghost"
            size="sm"
            disabled={switching}
            aria-label={department.active ? t('status.deactivateNamed', { name }) : t('status.reactivateNamed', { name })}
            className={department.active ? 'text-danger hover:text-danger' : undefined}
          >
            {department.active ? t('status.deactivate') : t('status.reactivate')}
          </Button>
        </form>
        <Link href={`/admin/departments/${department.id}`} aria-label={t('editNamed', { name })} className={cn(buttonClasses('ghost', 'sm'))}>
          <Pencil aria-hidden="true" />
          {t('edit')}
        </Link>
      </div>
      <p role="alert" className={error || unmoved ? 'max-w-64 text-right text-xs text-danger' : 'sr-only'}>
        {error && !error.ok ? error.message : unmoved ? t('cannotMove') : null}
      </p>
    </div>
  );
}
