/** The heading of the earlier conferences' open tasks on the conference page: focus goes there once the review is added. */
export const carryOverHeadingId = 'conference-carry-over-heading';
