/** Below Next's 1 MB limit for a server action's request, with room for the form around the file. */
export const maxImportBytes = 900 * 1024;
