import { stageEvidence } from '@/lib/data/evidence-uploads';
import { uploadRoute } from '@/lib/http/upload-route';

export const dynamic = 'force-dynamic';

/**
 * One evidence file for a task, as the raw body with its name in `X-File-Name`: 201
 * `{ receipt, fileName, mediaType, sizeBytes }`. The follow-up form posts the receipt.
 */
export const POST = uploadRoute<{ taskId: string }>('files', ({ actor, params, fileName, body }) =>
  stageEvidence(actor, { taskId: params.taskId, fileName }, body),
);
