/** The current time; a parameter everywhere so tests can pin it. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
