import { NotFoundPanel } from './_components/not-found-panel';
import { StandalonePage } from './_components/standalone-page';

/** An address that matches no route: shown without the shell, so it has its own landmarks. */
export default function NotFound() {
  return (
    <StandalonePage>
      <NotFoundPanel />
    </StandalonePage>
  );
}
