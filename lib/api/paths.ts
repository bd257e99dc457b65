/** Where the API is served; the OpenAPI paths are relative to it. */
export const apiBasePath = '/api/v1';
