/** Gives the page's main thread back (input, rendering) between pieces of a long job. */
export const yieldToPage = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
