/** Shared by the programme view and its prefetch, so both ask the very same question. */
export const PROGRAMME_PAGE_SIZE = 200;
