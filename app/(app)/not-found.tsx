import { NotFoundPanel } from '@/app/_components/not-found-panel';

/** `notFound()` inside the signed-in area: the shell stays around the message. */
export default function AppNotFound() {
  return <NotFoundPanel />;
}
