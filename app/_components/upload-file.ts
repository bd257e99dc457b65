/** What an upload route answered: its JSON on 201, else the message and field errors to show. */
export type UploadAnswer<T> =
  | { ok: true; data: T }
  | { ok: false; status: number; message: string | null; fieldErrors: Record<string, string[]> };

/**
 * Sends one file as the raw body of a POST to an upload route (app/api/uploads/…), its name in
 * `X-File-Name`, reporting progress as it goes. XMLHttpRequest, because fetch reports no upload
 * progress. A network failure answers status 0.
 */
export function uploadFile<T>(url: string, file: File, onProgress: (fraction: number) => void): Promise<UploadAnswer<T>> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open('POST', url);
    request.setRequestHeader('Accept', 'application/json');
    request.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
    request.setRequestHeader('X-File-Name', encodeURIComponent(file.name));
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    request.onerror = () => resolve({ ok: false, status: 0, message: null, fieldErrors: {} });
    request.onload = () => {
      let payload: unknown = null;
      try {
        payload = JSON.parse(request.responseText);
      } catch {
        payload = null;
      }
      if (request.status === 201) return resolve({ ok: true, data: payload as T });
      const answer = (payload ?? {}) as { message?: string; fieldErrors?: Record<string, string[]> };
      resolve({ ok: false, status: request.status, message: answer.message || null, fieldErrors: answer.fieldErrors ?? {} });
    };
    request.send(file);
  });
}
